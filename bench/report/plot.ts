import type { ScenarioSummary } from './summary.js';

const W = 640;
const H = 360;
const PAD = { l: 64, r: 16, t: 28, b: 44 };

/** Log-log plot of p99 latency against delivered updates/s for every fan-out run, ours vs the baseline. */
export function kneePlot(s: ScenarioSummary): string {
  const x = (v: number) => PAD.l + ((Math.log10(Math.max(v, 1e3)) - 3) / 4) * (W - PAD.l - PAD.r); // 1e3 … 1e7
  const y = (ms: number) => H - PAD.b - ((Math.log10(Math.min(Math.max(ms, 1), 1e4)) - 0) / 4) * (H - PAD.t - PAD.b); // 1 ms … 10 s
  const colour = { ours: '#1f77b4', naive: '#d62728' } as const;
  const parts: string[] = [];
  for (let e = 3; e <= 7; e++) {
    parts.push(`<line x1="${x(10 ** e)}" x2="${x(10 ** e)}" y1="${PAD.t}" y2="${H - PAD.b}" stroke="#eee"/>`);
    parts.push(`<text x="${x(10 ** e)}" y="${H - PAD.b + 16}" text-anchor="middle">1e${e}</text>`);
  }
  for (const ms of [1, 10, 100, 1000, 10000]) {
    parts.push(`<line x1="${PAD.l}" x2="${W - PAD.r}" y1="${y(ms)}" y2="${y(ms)}" stroke="${ms === 100 ? '#999' : '#eee'}"${ms === 100 ? ' stroke-dasharray="4 3"' : ''}/>`);
    parts.push(`<text x="${PAD.l - 6}" y="${y(ms) + 4}" text-anchor="end">${ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`}</text>`);
  }
  for (const run of s.runs) {
    const curve = run.series?.curve ?? [];
    if (!curve.length) continue;
    const pts = curve.map((c) => `${x(c[2]!).toFixed(1)},${y(c[3]!).toFixed(1)}`).join(' ');
    parts.push(`<polyline points="${pts}" fill="none" stroke="${colour[run.design]}" stroke-width="1.5" opacity="${run.valid ? 0.9 : 0.3}"/>`);
    for (const c of curve) parts.push(`<circle cx="${x(c[2]!).toFixed(1)}" cy="${y(c[3]!).toFixed(1)}" r="2.5" fill="${colour[run.design]}"/>`);
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="11">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${PAD.l}" y="16" font-size="13">p99 report → wall vs update deliveries/s, 500 walls (blue: ours, red: naive baseline)</text>`,
    ...parts,
    `<text x="${(W + PAD.l) / 2}" y="${H - 8}" text-anchor="middle">update deliveries per second (log)</text>`,
    `<text x="14" y="${(H - PAD.b + PAD.t) / 2}" transform="rotate(-90 14 ${(H - PAD.b + PAD.t) / 2})" text-anchor="middle">p99 latency (log)</text>`,
    '</svg>',
  ].join('\n');
}
