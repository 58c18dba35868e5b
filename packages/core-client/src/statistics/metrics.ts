/**
 * Units of a metric, as Hazelcast's ProbeUnit names them (their order is the wire's: do not reorder).
 */
export const MetricUnit = {
  BYTES: 'BYTES',
  MS: 'MS',
  NS: 'NS',
  PERCENT: 'PERCENT',
  COUNT: 'COUNT',
  BOOLEAN: 'BOOLEAN',
  ENUM: 'ENUM',
} as const;
export type MetricUnit = (typeof MetricUnit)[keyof typeof MetricUnit];

/**
 * Names one metric the way members and Management Center read it: `prefix.metric`, optionally for one
 * object (`discriminator=discriminatorValue`, e.g. `name=prices` for a near cache). Each string is at most
 * 255 characters.
 */
export interface MetricDescriptor {
  readonly prefix?: string;
  readonly metric: string;
  readonly discriminator?: string;
  readonly discriminatorValue?: string;
  readonly unit?: MetricUnit;
}

/** Where a plug-in adds its metrics when the client collects statistics (PluginEvents.collectMetrics). */
export interface MetricsSink {
  /** An integer metric (64-bit on the wire). */
  addLong(descriptor: MetricDescriptor, value: number | bigint): void;
  addDouble(descriptor: MetricDescriptor, value: number): void;
}
