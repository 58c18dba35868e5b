/** What one member's generated XML config depends on. */
export interface MemberConfigOptions {
  clusterName: string;
  port: number;
  /** `host:port` of every member this one should try to join (itself included is fine). */
  joinAddresses: readonly string[];
  /** Enables the Jet engine, which SQL needs. */
  jet?: boolean;
  /** CP Subsystem member count; only Community Edition 5.4.0 and older accept a CP config. */
  cpMemberCount?: number;
  /** Hazelcast version, used to reject configs this edition would refuse at startup. */
  version: string;
  /**
   * Extra `<hazelcast>` children for one test: map, queue, ringbuffer, serialization configs… A
   * `<cp-subsystem>` block here (session TTL, semaphores, locks, Raft timings) receives the CP member count.
   */
  xml?: string;
  /** Extra `hazelcast.*` properties. */
  properties?: Readonly<Record<string, string>>;
  /**
   * A separate client endpoint (advanced networking): members talk to each other on `port`, clients on
   * `clientEndpoint.port`, and members tell clients the `publicAddress` (a TLS terminator's address).
   */
  clientEndpoint?: { readonly port: number; readonly publicAddress: string };
  /** A lite member: it joins the cluster but owns no partitions (`<lite-member enabled="true"/>`). */
  lite?: boolean;
  /** `<member-attributes>`: name → value, as clients see them in the member list. */
  attributes?: Readonly<Record<string, string>>;
}

/**
 * Member properties that make start-up fast and deterministic on a loopback test machine: no phone-home,
 * no join wait (partitions are assigned as soon as members join), no health monitor chatter, and
 * near-cache invalidations sent one by one so tests can await them.
 */
const BASE_PROPERTIES: Readonly<Record<string, string>> = {
  'hazelcast.phone.home.enabled': 'false',
  'hazelcast.wait.seconds.before.join': '0',
  'hazelcast.max.wait.seconds.before.join': '0',
  'hazelcast.tcp.join.port.try.count': '1',
  'hazelcast.socket.bind.any': 'false',
  'hazelcast.health.monitoring.level': 'OFF',
  'hazelcast.logging.type': 'jdk',
  'hazelcast.shutdownhook.policy': 'GRACEFUL',
  'hazelcast.graceful.shutdown.max.wait': '60',
  'hazelcast.map.invalidation.batch.enabled': 'false',
  // Two cores: the defaults size thread pools for servers, which only slows start-up here.
  'hazelcast.operation.thread.count': '2',
  'hazelcast.operation.generic.thread.count': '2',
  'hazelcast.io.thread.count': '2',
  'hazelcast.event.thread.count': '2',
};

export function renderMemberConfig(options: MemberConfigOptions): string {
  if (
    options.cpMemberCount !== undefined &&
    options.cpMemberCount > 0 &&
    !supportsCommunityCp(options.version)
  ) {
    throw new Error(
      `tools/cluster: cpMemberCount needs Hazelcast CE 5.4.0 or older (CP is Enterprise-only since 5.5); got ${options.version}`,
    );
  }
  const properties = { ...BASE_PROPERTIES, ...options.properties };
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<hazelcast xmlns="http://www.hazelcast.com/schema/config"',
    '           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `  <cluster-name>${escapeXml(options.clusterName)}</cluster-name>`,
    '  <properties>',
    ...Object.entries(properties).map(
      ([name, value]) => `    <property name="${escapeXml(name)}">${escapeXml(value)}</property>`,
    ),
    '  </properties>',
    ...(options.clientEndpoint
      ? advancedNetwork(options, options.clientEndpoint)
      : [
          '  <network>',
          `    <port auto-increment="false">${options.port}</port>`,
          '    <interfaces enabled="true"><interface>127.0.0.1</interface></interfaces>',
          ...joinConfig(options),
          '    <rest-api enabled="true">',
          '      <endpoint-group name="HEALTH_CHECK" enabled="true"/>',
          '    </rest-api>',
          '  </network>',
        ]),
    `  <jet enabled="${options.jet ? 'true' : 'false'}" resource-upload-enabled="false"/>`,
  ];
  let xml = options.xml;
  if (options.cpMemberCount !== undefined && options.cpMemberCount > 0) {
    const cpMembers = [
      `    <cp-member-count>${options.cpMemberCount}</cp-member-count>`,
      `    <group-size>${Math.min(options.cpMemberCount, 3)}</group-size>`,
    ];
    const own = xml ? CP_SUBSYSTEM_OPEN.exec(xml) : null;
    if (xml && own) {
      // The test brings CP settings of its own (session TTL, semaphores, locks…): the member count goes into
      // that block, since a config holds one <cp-subsystem> (its children may come in any order).
      if (/<cp-member-count[\s>]/.test(xml)) {
        throw new Error(
          'tools/cluster: give the CP member count as cpMemberCount, not inside the xml option',
        );
      }
      const at = own.index + own[0].length;
      xml = `${xml.slice(0, at)}\n${cpMembers.join('\n')}\n${xml.slice(at)}`;
    } else {
      lines.push('  <cp-subsystem>', ...cpMembers, '  </cp-subsystem>');
    }
  }
  if (options.lite) lines.push('  <lite-member enabled="true"/>');
  const attributes = Object.entries(options.attributes ?? {});
  if (attributes.length > 0) {
    lines.push(
      '  <member-attributes>',
      ...attributes.map(
        ([name, value]) => `    <attribute name="${escapeXml(name)}">${escapeXml(value)}</attribute>`,
      ),
      '  </member-attributes>',
    );
  }
  if (xml) lines.push(xml);
  lines.push('</hazelcast>', '');
  return lines.join('\n');
}

function joinConfig(options: MemberConfigOptions): string[] {
  return [
    '    <join>',
    '      <auto-detection enabled="false"/>',
    '      <multicast enabled="false"/>',
    '      <tcp-ip enabled="true" connection-timeout-seconds="1">',
    '        <member-list>',
    ...options.joinAddresses.map((address) => `          <member>${escapeXml(address)}</member>`),
    '        </member-list>',
    '      </tcp-ip>',
    '    </join>',
  ];
}

/**
 * Advanced networking: the member endpoint on `port` (member traffic, and the address the harness
 * follows), the client endpoint on its own port with a public address. Members send clients the client
 * endpoint's public address in the member list, so a smart client connects to every member through it.
 * (No REST endpoint: the harness follows members through their "@@HZ" lines.)
 */
function advancedNetwork(
  options: MemberConfigOptions,
  client: NonNullable<MemberConfigOptions['clientEndpoint']>,
): string[] {
  return [
    '  <advanced-network enabled="true">',
    ...joinConfig(options),
    '    <member-server-socket-endpoint-config>',
    `      <port auto-increment="false">${options.port}</port>`,
    '      <interfaces enabled="true"><interface>127.0.0.1</interface></interfaces>',
    '    </member-server-socket-endpoint-config>',
    '    <client-server-socket-endpoint-config>',
    `      <port auto-increment="false">${client.port}</port>`,
    `      <public-address>${escapeXml(client.publicAddress)}</public-address>`,
    '      <interfaces enabled="true"><interface>127.0.0.1</interface></interfaces>',
    '    </client-server-socket-endpoint-config>',
    '  </advanced-network>',
  ];
}

const CP_SUBSYSTEM_OPEN = /<cp-subsystem\s*>/;

/** CP Subsystem moved to Enterprise Edition in 5.5; a CE member with a CP config then fails to start. */
export function supportsCommunityCp(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map((part) => Number.parseInt(part, 10));
  return major < 5 || (major === 5 && minor <= 4);
}

function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
