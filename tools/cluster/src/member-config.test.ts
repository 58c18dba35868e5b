import { describe, expect, it } from 'vitest';
import { renderMemberConfig, supportsCommunityCp } from './member-config';

const base = { clusterName: 'c1', port: 20001, joinAddresses: ['127.0.0.1:20000'], version: '5.7.0' };

describe('renderMemberConfig', () => {
  it('binds to loopback on the given port with TCP-IP join and no multicast', () => {
    const xml = renderMemberConfig(base);
    expect(xml).toContain('<cluster-name>c1</cluster-name>');
    expect(xml).toContain('<port auto-increment="false">20001</port>');
    expect(xml).toContain('<interface>127.0.0.1</interface>');
    expect(xml).toContain('<multicast enabled="false"/>');
    expect(xml).toContain('<member>127.0.0.1:20000</member>');
    expect(xml).toContain('<property name="hazelcast.phone.home.enabled">false</property>');
    expect(xml).toContain('<property name="hazelcast.wait.seconds.before.join">0</property>');
    expect(xml).toContain('<jet enabled="false"');
    expect(xml).not.toContain('<cp-subsystem>');
  });

  it('enables Jet, adds per-test XML and overrides properties when asked', () => {
    const xml = renderMemberConfig({
      ...base,
      jet: true,
      xml: '<queue name="q*"><max-size>6</max-size></queue>',
      properties: { 'hazelcast.partition.count': '71', 'hazelcast.logging.type': 'none' },
    });
    expect(xml).toContain('<jet enabled="true"');
    expect(xml).toContain('<queue name="q*"><max-size>6</max-size></queue>');
    expect(xml).toContain('<property name="hazelcast.partition.count">71</property>');
    expect(xml).toContain('<property name="hazelcast.logging.type">none</property>');
    expect(xml).not.toContain('<property name="hazelcast.logging.type">jdk</property>');
  });

  it('escapes names so a cluster name cannot break the XML', () => {
    expect(renderMemberConfig({ ...base, clusterName: 'a<b>&"' })).toContain(
      '<cluster-name>a&#60;b&#62;&#38;&#34;</cluster-name>',
    );
  });

  it('writes a CP config for 5.4.0 and refuses it for versions where CP is Enterprise-only', () => {
    expect(renderMemberConfig({ ...base, version: '5.4.0', cpMemberCount: 3 })).toContain(
      '<cp-member-count>3</cp-member-count>',
    );
    expect(() => renderMemberConfig({ ...base, cpMemberCount: 3 })).toThrow(
      /CP is Enterprise-only since 5\.5\); got 5\.7\.0/,
    );
    expect(supportsCommunityCp('5.4.0')).toBe(true);
    expect(supportsCommunityCp('5.5.0')).toBe(false);
    expect(supportsCommunityCp('6.0.0')).toBe(false);
  });

  it('gives clients their own endpoint with a public address (advanced networking) when asked', () => {
    const xml = renderMemberConfig({
      ...base,
      clientEndpoint: { port: 20050, publicAddress: '127.0.0.1:20051' },
    });
    expect(xml).toContain('<advanced-network enabled="true">');
    expect(xml).toMatch(
      /<member-server-socket-endpoint-config>\s*<port auto-increment="false">20001<\/port>/,
    );
    expect(xml).toMatch(
      /<client-server-socket-endpoint-config>\s*<port auto-increment="false">20050<\/port>\s*<public-address>127\.0\.0\.1:20051<\/public-address>/,
    );
    expect(xml).toContain('<member>127.0.0.1:20000</member>');
    expect(xml).not.toContain('<network>');
  });

  it('puts the CP member count into a <cp-subsystem> block of the test XML (one block per config)', () => {
    const xml = renderMemberConfig({
      ...base,
      version: '5.4.0',
      cpMemberCount: 3,
      xml: '<map name="m"/><cp-subsystem><session-time-to-live-seconds>6</session-time-to-live-seconds></cp-subsystem>',
    });
    expect(xml.match(/<cp-subsystem>/g)).toHaveLength(1);
    expect(xml).toMatch(
      /<cp-subsystem>\s*<cp-member-count>3<\/cp-member-count>\s*<group-size>3<\/group-size>\s*<session-time-to-live-seconds>6</,
    );
    expect(xml).toContain('<map name="m"/>');
    expect(() =>
      renderMemberConfig({
        ...base,
        version: '5.4.0',
        cpMemberCount: 3,
        xml: '<cp-subsystem><cp-member-count>5</cp-member-count></cp-subsystem>',
      }),
    ).toThrow(/give the CP member count as cpMemberCount/);
  });

  it('makes a lite member with attributes only when asked', () => {
    const plain = renderMemberConfig(base);
    expect(plain).not.toContain('<lite-member');
    expect(plain).not.toContain('<member-attributes>');
    const xml = renderMemberConfig({ ...base, lite: true, attributes: { zone: 'a<b', role: 'compute' } });
    expect(xml).toContain('  <lite-member enabled="true"/>');
    expect(xml).toContain('<attribute name="zone">a&#60;b</attribute>');
    expect(xml).toContain('<attribute name="role">compute</attribute>');
    // Top-level children of <hazelcast>, after the network section.
    expect(xml.indexOf('<lite-member')).toBeGreaterThan(xml.indexOf('</network>'));
    expect(xml.trimEnd().endsWith('</hazelcast>')).toBe(true);
  });
});
