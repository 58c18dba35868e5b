// Java's collection types (-29 … -50) against a live member: the bytes the member's own serialization writes
// for each sample equal the recorded vectors (and ours), and read back as the documented JavaScript values.
// The official client is only a transport for raw Data here; the member-side helper is
// tools/cluster/java/dev/hz/testing/collections (factory 67).
import { createRequire } from 'node:module';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeapData } from '../src/data/heap-data';
import type { ObjectDataInput, ObjectDataOutput } from '../src/io/data-io';
import { SerializationService } from '../src/service/serialization-service';
import { JAVA } from './java-collection-vectors';

const require = createRequire(import.meta.url);
// biome-ignore lint/suspicious/noExplicitAny: the official client is untyped JavaScript here
const hz: any = require('hazelcast-client');
// biome-ignore lint/suspicious/noExplicitAny: see above
const { HeapData: OfficialHeapData }: any = require('hazelcast-client/lib/serialization/HeapData');

/** Asks the member for Java's bytes of a named sample (JavaCollectionBytes, factory 67, class 1). */
class JavaCollectionBytes {
  factoryId = 67;
  classId = 1;
  constructor(public sample = '') {}
  writeData(out: ObjectDataOutput) {
    out.writeString(this.sample);
  }
  readData(input: ObjectDataInput) {
    this.sample = input.readString() ?? '';
  }
}

describe('Java collection types on a live member', () => {
  const cluster = useCluster({
    members: 1,
    xml: `<serialization><data-serializable-factories>
      <data-serializable-factory factory-id="67">dev.hz.testing.collections.CollectionsFactory</data-serializable-factory>
    </data-serializable-factories></serialization>`,
  });
  // biome-ignore lint/suspicious/noExplicitAny: see above
  let client: any;
  const ours = new SerializationService();

  beforeAll(async () => {
    client = await hz.Client.newHazelcastClient({
      clusterName: cluster.current.name,
      network: { clusterMembers: cluster.current.addresses },
      properties: { 'hazelcast.logging.level': 'OFF' },
    });
  });

  afterAll(async () => {
    await client?.shutdown();
  });

  it('writes every sample to the recorded bytes, which we read back', async () => {
    const map = await client.getMap('java-collection-samples');
    await map.set(1, 1);
    for (const [sample, recorded] of Object.entries(JAVA)) {
      const request = new OfficialHeapData(ours.toData(new JavaCollectionBytes(sample)).toBuffer());
      const bytes: Buffer = await map.executeOnKey(1, request);
      expect(bytes.toString('hex'), sample).toBe(recorded);
      if (sample === 'TreeMapWithComparator') continue; // its comparator is java.io.Serializable
      const value = ours.toObject(new HeapData(bytes));
      // What it reads as is checked value by value in the unit test; here: the right JS container.
      if (sample.endsWith('Map') || sample === 'Nested') expect(value, sample).toBeInstanceOf(Map);
      else if (sample.endsWith('Set')) expect(value, sample).toBeInstanceOf(Set);
      else if (sample.startsWith('Optional')) expect(value, sample).toBe(sample === 'Optional' ? 'x' : null);
      else expect(Array.isArray(value), sample).toBe(true);
    }
  });
});
