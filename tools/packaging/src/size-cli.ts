// `pnpm size`: bundle sizes of the named entry points against tools/packaging/size-budgets.json (run
// `pnpm build` first). `pnpm size --update --reason "why it grew"` raises the budgets that broke (or are
// missing) to today's sizes plus the file's margin and writes the reason next to each; the others stay.
import { checkSizes, formatSizes, readBudgets, writeBudgets } from './size';

const update = process.argv.includes('--update');
const reasonAt = process.argv.indexOf('--reason');
const reason = reasonAt >= 0 ? process.argv[reasonAt + 1]?.trim() : undefined;
if (update && !reason) {
  console.error(
    'pnpm size --update needs --reason "why the bundles grew": it is written next to each raised budget',
  );
  process.exit(2);
}
const budgets = readBudgets();
const { rows, stale } = await checkSizes(budgets);
if (update && reason) {
  const written = writeBudgets(rows, budgets, reason);
  console.log(formatSizes(rows.map((row) => ({ ...row, budget: written.budgets[row.name], problems: [] }))));
  console.log(`\nsize-budgets.json updated (over-budget entries: today's sizes + ${budgets.marginPercent}%)`);
} else {
  console.log(formatSizes(rows));
  const problems = [
    ...rows.flatMap((r) => r.problems),
    ...stale.map((n) => `"${n}" has a budget but no entry`),
  ];
  if (problems.length > 0) {
    console.error(`\n${problems.join('\n')}`);
    process.exitCode = 1;
  }
}
