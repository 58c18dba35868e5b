// tsx src/report/to-markdown.ts < result.json: the Markdown tables of a `pnpm bench --json` document, for
// BENCHMARKS.md, so the committed figures are exactly what a run printed.
import { markdownTable } from './format';
import { type BenchDocument, renderText } from './render';

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // `pnpm bench` (without -s) prints its script banner before the document; skip to the document.
  const raw = Buffer.concat(chunks).toString('utf8');
  const text = raw.slice(Math.max(0, raw.search(/^\{/m)));
  if (text.trim() === '') throw new Error('to-markdown: expected a `pnpm bench --json` document on stdin');
  const doc = JSON.parse(text) as BenchDocument;
  const markdown = renderText({ ...doc, scenarios: doc.scenarios ?? [] }, markdownTable);
  // A Markdown table needs a blank line between it and the caption above it.
  process.stdout.write(`${markdown.replace(/^([^|\n].*)\n\|/gm, '$1\n\n|')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
