export interface MicroCase {
  readonly name: string;
  readonly oursOpsPerSec: number;
  readonly officialOpsPerSec: number;
}

export interface MicroReport {
  readonly cases: MicroCase[];
  /** What could not be measured and why (e.g. a serializer not finished yet). */
  readonly skipped: string[];
}
