import type { FeatureBenchmark, PreparedDriver } from './feature';
import { connectSql, drain } from './sql';

// SQL streaming throughput next to the official client: one operation is a whole 200,000-row SELECT
// (INTEGER key, VARCHAR value, the default cursor buffer of 4,096 rows), iterated to its end; reported as
// rows/s.

const MAP = 'bench_sql_rows';
const ROWS = 200_000;

export const sqlStreamBenchmark: FeatureBenchmark = {
  name: 'sql-stream',
  cluster: { members: 1, jet: true },
  units: { unit: 'rows', perOperation: ROWS },
  quick: [{ name: 'select 200k rows c=1', concurrency: 1 }],
  full: [{ name: 'select 200k rows c=1', concurrency: 1 }],
  async prepare(kind, target): Promise<PreparedDriver> {
    const runner = await connectSql(kind, target);
    await runner.exec(
      `CREATE OR REPLACE MAPPING ${MAP} (__key INT, this VARCHAR) TYPE IMap
       OPTIONS ('keyFormat'='int', 'valueFormat'='varchar')`,
    );
    if ((await drain(runner, `SELECT __key FROM ${MAP} WHERE __key = ${ROWS - 1}`)) !== 1) {
      await runner.exec(`SINK INTO ${MAP} SELECT v, 'row-' || v FROM TABLE(generate_series(0, ${ROWS - 1}))`);
    }
    return {
      async operation() {
        const rows = await drain(runner, `SELECT __key, this FROM ${MAP}`);
        if (rows !== ROWS) throw new Error(`bench sql-stream: got ${rows} rows, expected ${ROWS}`);
      },
      close: () => runner.close(),
    };
  },
};
