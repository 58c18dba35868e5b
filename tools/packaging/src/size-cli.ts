// `pnpm size`: bundle sizes of the named entry points against tools/packaging/size-budgets.json (run
// `pnpm build` first). `pnpm size --update` sets the budgets to today's sizes plus the file's margin.
import { checkSizes, formatSizes, readBudgets, writeBudgets } from './size';

const update = process.argv.includes('--update');
const budgets = readBudgets();
const { rows, stale } = await checkSizes(budgets);
if (update) {
  const written = writeBudgets(rows, budgets);
  console.log(formatSizes(rows.map((row) => ({ ...row, budget: written.budgets[row.name], problems: [] }))));
  console.log(`\nsize-budgets.json updated (today's sizes + ${budgets.marginPercent}%)`);
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
