// The whole test suite, as the README and CI run it: typecheck and unit tests of every workspace package,
// then the integration tests against real Hazelcast members, one package at a time (each package runs at
// most two test files in parallel, so the JVM count stays bounded on 2-core machines).
// Every vitest run writes a JSON report to <package>/.reports/; the closing line sums them, so a run that
// executed no test is visible as "0 passed".
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const root = new URL('../..', import.meta.url).pathname;
const workspaceDirs = ['packages', 'tools', 'examples'].flatMap((group) =>
  existsSync(join(root, group))
    ? readdirSync(join(root, group), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => join(root, group, entry.name))
    : [],
);

for (const dir of [root, ...workspaceDirs]) rmSync(join(dir, '.reports'), { recursive: true, force: true });

const steps = [
  ['turbo', 'run', 'typecheck', 'test:unit', '--continue', '--concurrency=2'],
  ['turbo', 'run', 'test:int', '--continue', '--concurrency=1'],
];
let stepsFailed = 0;
// Vitest's unhandled errors (an exception outside any test) fail its run but appear in no JSON report:
// the output is read as it passes through, so they are counted and named at the end.
const unhandled = [];
const failedTasks = [];
for (const args of steps) {
  const code = await runTee('pnpm', ['exec', ...args], onOutputLine);
  if (code !== 0) stepsFailed++;
}

let passed = 0;
let failed = unhandled.reduce((sum, u) => sum + u.count, 0);
let skipped = 0;
const lines = [];
const failures = [];
for (const dir of workspaceDirs) {
  const reports = join(dir, '.reports');
  if (!existsSync(reports)) continue;
  for (const file of readdirSync(reports).filter((name) => name.endsWith('.json'))) {
    const report = JSON.parse(readFileSync(join(reports, file), 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
    // A file that fails to load (syntax error, failing beforeAll) has no failed test but failed all the same.
    const brokenFiles = report.testResults.filter(
      (r) => r.status === 'failed' && r.assertionResults.length === 0,
    );
    failed += brokenFiles.length;
    for (const fileResult of report.testResults) {
      const where = relative(root, fileResult.name);
      if (fileResult.status === 'failed' && fileResult.assertionResults.length === 0) {
        failures.push(`${where}: ${firstLine(fileResult.message)}`);
      }
      for (const test of fileResult.assertionResults) {
        if (test.status !== 'failed') continue;
        failures.push(`${where} > ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
      }
    }
    lines.push(
      `${relative(root, dir).padEnd(28)} ${file.replace('.json', '').padEnd(5)} ${report.numPassedTests} passed, ${report.numFailedTests + brokenFiles.length} failed`,
    );
  }
}
console.log(`\n${lines.join('\n')}`);
for (const u of unhandled.filter((entry) => entry.count > 0)) {
  failures.push(
    `${u.task}: ${u.count} unhandled error(s) outside the tests${u.first ? `, first: ${u.first}` : ''}`,
  );
}
if (stepsFailed > 0 && failures.length === 0) {
  failures.push(
    `no failed test found; turbo reported failed task(s): ${failedTasks.join(', ') || 'none named'}`,
  );
}
// The failed tests by name, also written for .ci/run to repeat at the end of its log (the build and docs
// steps run after the tests and would push them out of a truncated log's tail).
const failureText = failures.length > 0 ? `failed tests:\n${failures.map((f) => `  ${f}`).join('\n')}\n` : '';
if (failureText) console.log(failureText);
if (stepsFailed > 0) console.log(`${stepsFailed} test step(s) failed (see the output above)`);
if (skipped > 0) console.log(`${skipped} skipped`);
const summary = `${passed} passed, ${failed} failed`;
// .ci/run repeats this line last, after pnpm's own failure message.
mkdirSync(join(root, '.reports'), { recursive: true });
writeFileSync(join(root, '.reports', 'test-summary.txt'), `${summary}\n`);
writeFileSync(join(root, '.reports', 'test-failures.txt'), failureText);
console.log(summary);
process.exit(stepsFailed > 0 || failed > 0 ? 1 : 0);

function firstLine(message) {
  const text = stripVTControlCharacters(String(message ?? ''));
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '(no message)';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/** Runs a command with its stdout passed through line by line to `onLine` (and printed); resolves its exit code. */
function runTee(command, args, onLine) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] });
    let rest = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const text = rest + chunk.toString('utf8');
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) onLine(stripVTControlCharacters(line));
    });
    child.on('close', (code) => {
      if (rest) onLine(stripVTControlCharacters(rest));
      resolve(code ?? 1);
    });
    child.on('error', () => resolve(1));
  });
}

/** Picks vitest's unhandled-error count and first message per task, and turbo's failed tasks, out of the output. */
function onOutputLine(line) {
  const prefixed = /^(\S+:test:(?:unit|int)):\s?(.*)$/.exec(line);
  if (prefixed) {
    const [, task, text] = prefixed;
    const current = unhandled.find((u) => u.task === task && u.open);
    const count = /^\s*Errors\s+(\d+) errors?\b/.exec(text);
    if (count) {
      const entry = current ?? { task, count: 0, first: '', open: false };
      entry.count = Number(count[1]);
      entry.open = false;
      if (!current) unhandled.push(entry);
      return;
    }
    if (/Unhandled Errors|Uncaught Exception|Unhandled Rejection/.test(text)) {
      if (!current) unhandled.push({ task, count: 0, first: '', open: true });
      return;
    }
    if (current && !current.first && /^\s*\w*Error\b/.test(text)) current.first = text.trim().slice(0, 300);
    return;
  }
  const failedLine = /^\s*Failed:\s+(.+)$/.exec(line);
  if (failedLine) failedTasks.push(...failedLine[1].split(',').map((t) => t.trim()));
}
