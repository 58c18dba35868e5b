// Client-side halves of the member helpers in tools/cluster/java/dev/hz/testing/security (factory id 74):
// same class ids and field order. For tests only.
import type { IdentifiedDataSerializable, ObjectDataInput, ObjectDataOutput } from '@hz/serialization';
import { getMap, type HazelcastClient } from '../src/index';

export const SECURITY_FACTORY_ID = 74;

/** The member XML that registers the helpers' factory. */
export const SECURITY_FACTORY_XML = `<serialization><data-serializable-factories><data-serializable-factory factory-id="${SECURITY_FACTORY_ID}">dev.hz.testing.security.SecurityFactory</data-serializable-factory></data-serializable-factories></serialization>`;

/** Entry processor (class 1): returns the member's view of every client's statistics, as JSON. */
const statisticsReader: IdentifiedDataSerializable = {
  factoryId: SECURITY_FACTORY_ID,
  classId: 1,
  writeData() {},
  readData() {},
};

/** Custom credentials (class 2): name, secret. */
export class SampleCredentials implements IdentifiedDataSerializable {
  readonly factoryId = SECURITY_FACTORY_ID;
  readonly classId = 2;
  constructor(
    public name: string,
    public secret: string,
  ) {}
  writeData(output: ObjectDataOutput): void {
    output.writeString(this.name);
    output.writeString(this.secret);
  }
  readData(input: ObjectDataInput): void {
    this.name = input.readString() ?? '';
    this.secret = input.readString() ?? '';
  }
}

export interface MemberMetric {
  prefix: string | null;
  metric: string;
  discriminator: string | null;
  discriminatorValue: string | null;
  unit: string | null;
  tagCount: number;
  /** Longs come as decimal strings (they may not fit a double). */
  long?: string;
  double?: number;
}

export interface MemberClientStatistics {
  uuid: string;
  timestamp: number;
  attributes: string;
  metrics: MemberMetric[];
}

/**
 * What the member that owns `key`'s partition holds as client statistics, decoded by the member itself
 * (its MetricsCompressor), read through `observer`.
 */
export async function memberStatistics(
  observer: HazelcastClient,
  key = 'statistics-probe',
): Promise<Map<string, MemberClientStatistics>> {
  const json = await getMap<string, string>(observer, '__statistics-probe').executeOnKey<string>(
    key,
    statisticsReader,
  );
  const parsed = JSON.parse(json ?? '{"clients":[]}') as { clients: MemberClientStatistics[] };
  return new Map(parsed.clients.map((c) => [c.uuid, c]));
}

/** Attribute string `a=1,b=2` as a map (escaped characters kept escaped in keys). */
export function parseAttributes(attributes: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const pair of attributes.split(/(?<!\\),/)) {
    const at = pair.search(/(?<!\\)=/);
    if (at > 0) result.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return result;
}
