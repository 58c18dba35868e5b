// The examples, one entry each: the tests run every program against a member of the kind it needs and
// check what it printed and what it left in the cluster; README.md must link every one. Adding an example
// is a program in src/ plus one entry here.
import { getMap, getQueue, getRingbuffer, type HazelcastClient } from '@hz/core-client';
import type { CompactGenericRecord } from '@hz/serialization';

/** What a program needs from the cluster it runs against. */
export type ExampleCluster =
  /** Hazelcast 5.7.0 with Jet (SQL) enabled; plain examples run there too. */
  | 'jet'
  /** Hazelcast 5.4.0 (the last Community Edition with the CP Subsystem). */
  | 'cp'
  /** Hazelcast 5.7.0 reached only through TLS with client certificates (mutual TLS). */
  | 'tls';

export interface Example {
  /** The program, relative to examples/features. */
  readonly file: string;
  readonly title: string;
  /** Packages the program imports, for the README table. */
  readonly packages: readonly string[];
  readonly cluster: ExampleCluster;
  /** Lines the program must print, in this order (other lines may come between). */
  readonly output: readonly RegExp[];
  /** What the program left in the cluster, read back through a second client (without the program's config). */
  readonly readBack?: {
    readonly read: (client: HazelcastClient) => Promise<unknown>;
    readonly expected: unknown;
  };
}

export const EXAMPLES: readonly Example[] = [
  {
    file: 'src/map-queries.ts',
    title: 'Map with queries',
    packages: ['@hz/core-client', '@hz/serialization'],
    cluster: 'jet',
    output: [
      /^over 40: alan, grace$/,
      /^in London or Helsinki: Ada, Linus$/,
      /^aged 30 to 42: ada, alan$/,
      /^average age: 37\.5$/,
      /^names under 40: Ada, Linus$/,
    ],
    readBack: {
      // Read back parsed (the default JSON policy, EAGER).
      read: (client) => getMap(client, 'people').get('grace'),
      expected: { name: 'Grace', age: 45, city: 'New York' },
    },
  },
  {
    file: 'src/queue-consumer.ts',
    title: 'Queue consumer',
    packages: ['@hz/core-client'],
    cluster: 'jet',
    output: [
      /^processed job-1$/,
      /^processed job-5$/,
      /^processed 5 jobs; left in the queue: 0$/,
      /^poll with a timeout: null$/,
    ],
    readBack: { read: (client) => getQueue(client, 'jobs').size(), expected: 0 },
  },
  {
    file: 'src/reliable-topic.ts',
    title: 'Reliable topic',
    packages: ['@hz/core-client'],
    cluster: 'jet',
    output: [/^listener heard: 1, 2, 3$/, /^iterator read: tea, coffee, cocoa$/, /^resumed with: juice$/],
    readBack: { read: (client) => getRingbuffer(client, '_hz_rb_orders').size(), expected: 4n },
  },
  {
    file: 'src/near-cache.ts',
    title: 'Near cache',
    packages: ['@hz/core-client', '@hz/near-cache'],
    cluster: 'jet',
    output: [
      /^first read: 3$/,
      /^second read: 3$/,
      /^hits 1, misses 1$/,
      /^after the change elsewhere: 4$/,
      /^invalidated: true$/,
    ],
    readBack: { read: (client) => getMap(client, 'prices').get('tea'), expected: 4 },
  },
  {
    file: 'src/cp-lock.ts',
    title: 'CP lock (FencedLock)',
    packages: ['@hz/core-client', '@hz/cp'],
    cluster: 'cp',
    output: [/^widgets: 10$/, /^fences increase: true$/, /^locked now: false$/],
    readBack: { read: (client) => getMap(client, 'inventory').get('widgets'), expected: 10 },
  },
  {
    file: 'src/sql-streaming.ts',
    title: 'SQL streaming',
    packages: ['@hz/core-client', '@hz/sql'],
    cluster: 'jet',
    readBack: { read: (client) => getMap(client, 'readings').size(), expected: 5000 },
    output: [
      /^streamed 5000 rows, mean 19\.50 °C$/,
      /^first hot readings: 9:sensor-0, 19:sensor-1, 29:sensor-2$/,
      /^SQL error code: -?\d+$/,
    ],
  },
  {
    file: 'src/compact-serialization.ts',
    title: 'Compact serialization',
    packages: ['@hz/core-client', '@hz/serialization'],
    cluster: 'jet',
    output: [/^read back: true Ada 5200n$/, /^36 or older: Ada, Grace$/],
    readBack: {
      // A client without the serializer reads the schema from the cluster and gets a generic record.
      read: async (client) => {
        const record = (await getMap<number, CompactGenericRecord>(client, 'employees').get(2))!;
        return [record.typeName, record.getString('name'), record.getInt32('age')];
      },
      expected: ['example.Employee', 'Grace', 45],
    },
  },
  {
    file: 'src/tls.ts',
    title: 'TLS and mutual TLS',
    packages: ['@hz/core-client'],
    cluster: 'tls',
    output: [/^read back: hello over TLS$/, /^mutual TLS: true$/],
    readBack: { read: (client) => getMap(client, 'secrets').get('greeting'), expected: 'hello over TLS' },
  },
];
