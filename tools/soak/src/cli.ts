// `pnpm soak --minutes N`: a 3-member cluster, mixed load from one client, a member restart every few
// minutes; prints a line per sample and writes samples.jsonl, report.json and soak.svg. Exits 1 when
// something grew, an acknowledged write was lost, or an unhandled rejection or unexpected error appeared.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Cluster } from '@hz-tools/cluster';
import { parseArgs } from './args';
import { mib } from './growth';
import { runSoak } from './soak';
import { renderSoakSvg } from './svg';

let args: ReturnType<typeof parseArgs>;
try {
  args = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const out = args.out ?? fileURLToPath(new URL(`../results/${stamp}`, import.meta.url));
mkdirSync(out, { recursive: true });
const samplesFile = join(out, 'samples.jsonl');
writeFileSync(samplesFile, '');
const log = (line: string) => console.log(`[soak] ${line}`);

log(
  `${args.minutes} min, ${args.members} members, ${args.workers} workers, a restart every ${args.restartEveryMinutes} min, ` +
    `a sample every ${args.sampleEverySeconds} s; output in ${out}`,
);
const cluster = await Cluster.start({
  members: args.members,
  namePrefix: 'soak',
  ...(args.version ? { version: args.version } : {}),
});
let exitCode = 0;
try {
  const report = await runSoak({
    cluster,
    durationMs: args.minutes * 60_000,
    restartEveryMs: args.restartEveryMinutes * 60_000,
    sampleEveryMs: args.sampleEverySeconds * 1000,
    workers: args.workers,
    logLevel: 'WARN',
    log,
    onSample: (sample) => appendFileSync(samplesFile, `${JSON.stringify(sample)}\n`),
  });
  writeFileSync(
    join(out, 'report.json'),
    `${JSON.stringify({ ...report, cluster: cluster.version }, null, 2)}\n`,
  );
  writeFileSync(
    join(out, 'soak.svg'),
    renderSoakSvg({
      title: `Soak: ${args.minutes} min, ${args.members} members (Hazelcast ${cluster.version}), ${args.workers} workers, ${report.restarts.length} member restarts`,
      samples: report.samples,
      restartsAtMs: report.restarts.map((r) => r.atMs),
    }),
  );
  const g = report.growth;
  const minutes = report.durationMs / 60_000;
  log(
    `${report.operations} operations (${Math.round(report.operations / (minutes * 60))} ops/s on average), ` +
      `failed: ${JSON.stringify(report.failures)}, ${report.events} entry events, queue ${report.queueOffered} offered / ` +
      `${report.queuePolled} polled, topic ${report.published} published / ${report.messages} received, ` +
      `${report.restarts.length} restarts`,
  );
  log(
    `heap after GC ${mib(g.earlyHeapMedian)} -> ${mib(g.lateHeapMedian)} MiB (x${g.heapRatio.toFixed(2)}, ` +
      `slope ${(g.heapSlopePerMinute / 1024).toFixed(1)} KiB/min); handles max ${g.earlyHandlesMax} -> ${g.lateHandlesMax}; ` +
      `sockets max ${g.earlySocketsMax} -> ${g.lateSocketsMax}`,
  );
  log(`ledger: ${report.ledgerKeys} keys read back, ${report.lostWrites.length} lost`);
  const problems = [
    ...g.reasons,
    ...report.lostWrites.map((w) => `lost write ${w}`),
    ...report.unhandledRejections.map((r) => `unhandled rejection: ${r}`),
    ...report.unexpectedErrors.map((e) => `unexpected error: ${e}`),
  ];
  if (problems.length > 0) {
    exitCode = 1;
    for (const problem of problems) log(`FAIL: ${problem}`);
  } else {
    log('PASS: no growth, no lost write, no unhandled rejection');
  }
} finally {
  await cluster.stop();
}
process.exit(exitCode);
