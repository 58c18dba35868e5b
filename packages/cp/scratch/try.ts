import { HazelcastClient } from '@hz/core-client';
import { pluginHost } from '@hz/core-client/plugin';
import { AtomicLongAddAndGetCodec } from '@hz/protocol/codecs/atomic-long';
import { CPGroupCreateCPGroupCodec } from '@hz/protocol/codecs/cp-group';
import { Cluster } from '@hz-tools/cluster';

const t0 = Date.now();
const cluster = await Cluster.start({ members: 1 });
console.log('started in', Date.now() - t0);
try {
  const client = await HazelcastClient.newHazelcastClient({
    clusterName: cluster.name,
    network: { clusterMembers: cluster.addresses },
  });
  const host = pluginHost(client);
  const t1 = Date.now();
  const g = CPGroupCreateCPGroupCodec.decodeResponse(
    await host.invokeOnRandomTarget(CPGroupCreateCPGroupCodec.encodeRequest('x')),
  ).groupId;
  console.log('group', g.name, g.seed.toString(), g.id.toString(), Date.now() - t1);
  const r = AtomicLongAddAndGetCodec.decodeResponse(
    await host.invokeOnRandomTarget(AtomicLongAddAndGetCodec.encodeRequest(g, 'x', 5)),
  ).response;
  console.log('value', r.toString());
  await client.shutdown();
} finally {
  await cluster.stop();
}
