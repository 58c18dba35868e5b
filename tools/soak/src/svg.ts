import type { SoakSample } from './growth';

export interface ChartInput {
  readonly title: string;
  readonly samples: readonly SoakSample[];
  /** Milliseconds since the start at which a member restart began. */
  readonly restartsAtMs: readonly number[];
}

interface Series {
  readonly label: string;
  readonly color: string;
  readonly values: readonly number[];
}

interface Panel {
  readonly title: string;
  readonly unit: string;
  readonly series: readonly Series[];
}

const WIDTH = 900;
const PANEL_HEIGHT = 170;
const MARGIN = { left: 70, right: 150, top: 40, bottom: 40 };
const GAP = 30;

/**
 * The soak curve as a self-contained SVG (no scripts, no external fonts): three panels over the same time
 * axis (throughput; heap after GC and RSS; handles and sockets), member restarts as dashed vertical lines.
 */
export function renderSoakSvg(input: ChartInput): string {
  const { samples } = input;
  const minutes = samples.map((s) => s.atMs / 60_000);
  const end = Math.max(1e-9, ...minutes, ...input.restartsAtMs.map((ms) => ms / 60_000));
  const panels: Panel[] = [
    {
      title: 'Throughput',
      unit: 'ops/s',
      series: [{ label: 'operations/s', color: '#1f77b4', values: samples.map((s) => s.opsPerSecond) }],
    },
    {
      title: 'Memory of the client process',
      unit: 'MiB',
      series: [
        { label: 'heap after GC', color: '#d62728', values: samples.map((s) => s.heapAfterGc / 1048576) },
        { label: 'RSS', color: '#ff9896', values: samples.map((s) => s.rss / 1048576) },
      ],
    },
    {
      title: 'Handles and sockets',
      unit: 'count',
      series: [
        { label: 'active handles', color: '#2ca02c', values: samples.map((s) => s.handles) },
        { label: 'TCP sockets', color: '#9467bd', values: samples.map((s) => s.sockets) },
        { label: 'member connections', color: '#8c564b', values: samples.map((s) => s.connections) },
      ],
    },
  ];
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const height = MARGIN.top + panels.length * PANEL_HEIGHT + (panels.length - 1) * GAP + MARGIN.bottom;
  const x = (minute: number) => MARGIN.left + (minute / end) * plotWidth;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(input.title)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="22" font-size="14" font-weight="bold">${escapeXml(input.title)}</text>`,
  ];
  panels.forEach((panel, index) => {
    const top = MARGIN.top + index * (PANEL_HEIGHT + GAP);
    const bottom = top + PANEL_HEIGHT;
    const max = niceMax(Math.max(0, ...panel.series.flatMap((s) => s.values)));
    const y = (value: number) => bottom - (value / max) * PANEL_HEIGHT;
    parts.push(`<text x="${MARGIN.left}" y="${top - 6}" font-weight="bold">${escapeXml(panel.title)}</text>`);
    for (let tick = 0; tick <= 4; tick++) {
      const value = (max * tick) / 4;
      const ty = y(value);
      parts.push(
        `<line x1="${MARGIN.left}" y1="${fmt(ty)}" x2="${MARGIN.left + plotWidth}" y2="${fmt(ty)}" stroke="#e5e5e5"/>`,
        `<text x="${MARGIN.left - 6}" y="${fmt(ty + 4)}" text-anchor="end">${formatValue(value)}</text>`,
      );
    }
    parts.push(
      `<text x="14" y="${fmt(top + PANEL_HEIGHT / 2)}" transform="rotate(-90 14 ${fmt(top + PANEL_HEIGHT / 2)})" text-anchor="middle">${escapeXml(panel.unit)}</text>`,
    );
    for (const ms of input.restartsAtMs) {
      const rx = fmt(x(ms / 60_000));
      parts.push(
        `<line x1="${rx}" y1="${top}" x2="${rx}" y2="${bottom}" stroke="#999999" stroke-dasharray="4 3" class="restart"/>`,
      );
    }
    for (const series of panel.series) {
      const points = series.values.map((value, i) => `${fmt(x(minutes[i]!))},${fmt(y(value))}`).join(' ');
      parts.push(
        `<polyline fill="none" stroke="${series.color}" stroke-width="1.5" points="${points}"><title>${escapeXml(series.label)}</title></polyline>`,
      );
    }
    panel.series.forEach((series, i) => {
      const ly = top + 14 + i * 16;
      parts.push(
        `<line x1="${MARGIN.left + plotWidth + 12}" y1="${ly - 4}" x2="${MARGIN.left + plotWidth + 30}" y2="${ly - 4}" stroke="${series.color}" stroke-width="2"/>`,
        `<text x="${MARGIN.left + plotWidth + 34}" y="${ly}">${escapeXml(series.label)}</text>`,
      );
    });
    parts.push(
      `<rect x="${MARGIN.left}" y="${top}" width="${plotWidth}" height="${PANEL_HEIGHT}" fill="none" stroke="#888888"/>`,
    );
  });
  const axisY = height - MARGIN.bottom;
  const step = niceStep(end);
  for (let minute = 0; minute <= end + 1e-9; minute += step) {
    parts.push(
      `<text x="${fmt(x(minute))}" y="${axisY + 16}" text-anchor="middle">${formatValue(minute)}</text>`,
    );
  }
  parts.push(
    `<text x="${MARGIN.left + plotWidth / 2}" y="${axisY + 32}" text-anchor="middle">minutes (dashed: a member restart begins)</text>`,
    '</svg>',
    '',
  );
  return parts.join('\n');
}

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const factor of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    if (factor * magnitude >= value) return factor * magnitude;
  }
  return 10 * magnitude;
}

function niceStep(span: number): number {
  for (const step of [0.25, 0.5, 1, 2, 5, 10, 15, 30, 60]) if (span / step <= 12) return step;
  return 120;
}

function formatValue(value: number): string {
  if (value >= 100 || Number.isInteger(value)) return String(Math.round(value));
  return value.toFixed(value >= 10 ? 1 : 2);
}

function fmt(value: number): string {
  return value.toFixed(1);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
