import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiIndex } from './api-names';
import { referencePath } from './api-names';
import { repoRoot } from './workspace';

// docs/migration.md is checked, not generated: every code span in its "@hz" column must name an export of
// an @hz package (or a member path of one), every code span in its "Node.js" column an export of
// `hazelcast-client`. The Python column is prose from the Python client's documentation and is not checked.

export const guidePath = join(repoRoot, 'docs', 'migration.md');

/** One row of a guide table, by column header. */
export interface GuideRow {
  readonly line: number;
  readonly cells: Record<string, string>;
}

/** Every row of every table in `markdown` (header row and separator excluded). */
export function guideRows(markdown: string): GuideRow[] {
  const lines = markdown.split('\n');
  const rows: GuideRow[] = [];
  let header: string[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line.startsWith('|')) {
      header = null;
      continue;
    }
    const cells = splitRow(line);
    if (!header) {
      header = cells;
      continue;
    }
    if (cells.every((c) => /^:?-+:?$/.test(c))) continue;
    rows.push({ line: i + 1, cells: Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ''])) });
  }
  return rows;
}

function splitRow(line: string): string[] {
  // Split on | that is neither escaped (\|) nor inside a code span.
  const cells: string[] = [];
  let current = '';
  let inCode = false;
  for (let i = 1; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '`') inCode = !inCode;
    if (ch === '|' && !inCode && line[i - 1] !== '\\') {
      cells.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  return cells;
}

/** The code spans of a cell. */
export function codeSpans(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.replace(/\\\|/g, '|'));
}

/** What the guide names that does not exist: "line N: `name` (column)". */
export function unresolvedNames(
  rows: readonly GuideRow[],
  columns: ReadonlyArray<{ match: RegExp; api: ApiIndex }>,
): string[] {
  const problems: string[] = [];
  for (const row of rows) {
    for (const [header, cell] of Object.entries(row.cells)) {
      const column = columns.find((c) => c.match.test(header));
      if (!column) continue;
      for (const span of codeSpans(cell)) {
        if (referencePath(span) === null)
          problems.push(`line ${row.line}: \`${span}\` (${header}) is not a name`);
        else if (!column.api.resolves(span))
          problems.push(`line ${row.line}: \`${span}\` (${header}) does not exist`);
      }
    }
  }
  return problems;
}

export function readGuide(): string {
  return readFileSync(guidePath, 'utf8');
}
