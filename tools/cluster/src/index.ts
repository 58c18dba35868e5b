export {
  type Direction,
  type Directions,
  FaultProxy,
  type LinkControl,
  type Transform,
} from '@hz-tools/fault-proxy';
export {
  type ClientFront,
  type ClientFrontFactory,
  type ClientFrontRequest,
  Cluster,
  type ClusterOptions,
  type ClusterTlsOptions,
  DEFAULT_HAZELCAST_VERSION,
  type MemberInfo,
  type MemberOptions,
  startCluster,
} from './cluster';
export { isClusterSafe, isMemberReady, readClusterSize } from './health';
export { compileJavaHelpers } from './java-helpers';
export { ensureHazelcastJars } from './maven';
export { renderMemberConfig, supportsCommunityCp } from './member-config';
export {
  ensurePythonClient,
  PYTHON_CLIENT_VERSION,
  type PythonOracleTarget,
  runPython,
} from './python-oracle';
export { createTestCertificates, type KeyPair, type TestCertificates } from './tls-certificates';
export { type HandshakeRecord, type TlsServerSettings, TlsTerminator } from './tls-terminator';
