/**
 * Summarizes a V8 .cpuprofile (from `npm run bench -- --profile` or node --cpu-prof): self time by
 * function and by where the code lives (our server, socket.io/engine.io/ws, zod, sqlite, node
 * internals, GC, idle), and the inclusive time of our own functions.
 *
 *   npx tsx bench/report/profile.ts bench/results/<run>/w-ours-1.cpuprofile [--top 30] [--from s] [--to s]
 *
 * `--from`/`--to` keep the samples taken that many seconds after the profile started (e.g. the
 * first and the last minute of a soak, to see what costs more later). `--stalls N` lists the N
 * longest stretches without an idle sample (what held the event loop) and what ran in each.
 */
import fs from 'node:fs';

/** Where a profile sample or allocation was taken (CPU and heap profiles alike). */
export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface Node {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** The bench's esbuild bundle of server/ and shared/ (bench/build.ts); its frames name no source file. */
const OWN_BUNDLE = /gridcommand-bench\/build\//;
export const isOwn = (url: string) => OWN_BUNDLE.test(url) || (/\/(server|shared)\//.test(url) && !/node_modules/.test(url));

/** Where a frame's code lives, by its script URL. */
export function area(url: string, name: string): string {
  if (name === '(garbage collector)') return 'gc';
  if (name === '(idle)') return 'idle';
  if (name === '(program)') return 'program (native, unattributed)';
  if (!url) return `native: ${name || '(anonymous)'}`;
  if (OWN_BUNDLE.test(url)) return 'server (bench bundle)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return url.replace(/^node:internal\/|^node:/, 'node:').split('/').slice(0, 2).join('/');
  const own = /\/(server|shared)\/([^/]+)/.exec(url);
  if (own) return `${own[1]}/${own[2]}`;
  return url.split('/').slice(-2).join('/');
}

/** One function of the profile: its name, where its code lives, and its line. */
export const label = (f: CallFrame) => `${f.functionName || '(anonymous)'} ${area(f.url, f.functionName)}:${f.lineNumber + 1}`;

/** The profile's call tree as lookups: each node by id, and each node's caller. */
function callTree(p: Profile): { byId: Map<number, Node>; parent: Map<number, number> } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  return { byId, parent };
}

export function summarize(p: Profile, fromS = 0, toS = Infinity) {
  const { byId, parent } = callTree(p);
  const self = new Map<number, number>();
  let at = 0;
  p.samples.forEach((id, i) => {
    at += p.timeDeltas[i] ?? 0;
    if (at >= fromS * 1e6 && at < toS * 1e6) self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byArea = new Map<string, number>();
  const byFn = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, us] of self) {
    const frame = byId.get(id)!.callFrame;
    const a = area(frame.url, frame.functionName);
    byArea.set(a, (byArea.get(a) ?? 0) + us);
    const fn = label(frame);
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
    // Inclusive time of our own functions: each distinct one on the stack once.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      if (!isOwn(f.url)) continue;
      const key = label(f);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  const wallUs = Math.min(p.endTime - p.startTime, toS * 1e6) - fromS * 1e6;
  return { totalMs: total / 1000, wallMs: wallUs / 1000, byArea: sorted(byArea), byFn: sorted(byFn), inclusive: sorted(inclusive) };
}

/** The `n` longest runs of consecutive busy samples: start (s into the profile), length (ms) and their heaviest frames. */
export function stalls(p: Profile, n: number): { atS: number; ms: number; top: [string, number][]; self: [string, number][] }[] {
  const { byId, parent } = callTree(p);
  const runs: { atUs: number; us: number; ids: number[] }[] = [];
  let cur: (typeof runs)[number] | null = null;
  let at = 0;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    at += dt;
    if (byId.get(id)!.callFrame.functionName === '(idle)') return void (cur = null);
    if (!cur) runs.push((cur = { atUs: at - dt, us: 0, ids: [] }));
    cur.us += dt;
    cur.ids.push(id);
  });
  return runs
    .sort((a, b) => b.us - a.us)
    .slice(0, n)
    .map((r) => {
      // Per run: each frame on a sample's stack counted once (inclusive), so callers and callees both show.
      const hits = new Map<string, number>();
      const selfHits = new Map<string, number>();
      for (const id of r.ids) {
        const own = label(byId.get(id)!.callFrame);
        selfHits.set(own, (selfHits.get(own) ?? 0) + 1);
        const seen = new Set<string>();
        for (let c: number | undefined = id; c !== undefined; c = parent.get(c)) {
          const key = label(byId.get(c)!.callFrame);
          if (seen.has(key) || key.startsWith('(root)')) continue;
          hits.set(key, (hits.get(key) ?? 0) + 1);
          seen.add(key);
        }
      }
      const share = (m: Map<string, number>, k: number) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, k).map(([key, c]) => [key, c / r.ids.length] as [string, number]);
      return { atS: r.atUs / 1e6, ms: r.us / 1000, top: share(hits, 8), self: share(selfHits, 5) };
    });
}

function main() {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npx tsx bench/report/profile.ts <file.cpuprofile> [--top N]');
  const opt = (name: string) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : undefined);
  const top = opt('--top') ?? 30;
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const s = summarize(profile, opt('--from'), opt('--to'));
  const busy = s.totalMs - (s.byArea.find(([a]) => a === 'idle')?.[1] ?? 0) / 1000;
  const pct = (us: number) => `${((us / 1000 / busy) * 100).toFixed(1).padStart(5)} %`;
  console.log(`profile ${(s.wallMs / 1000).toFixed(1)} s, main thread busy ${(busy / 1000).toFixed(1)} s (${((busy / s.wallMs) * 100).toFixed(1)} %); shares below are of busy time\n`);
  const table = (title: string, rows: [string, number][]) => {
    console.log(`## ${title}`);
    // Idle time is not busy time: left out of the shares (it is under both 'idle' and the function '(idle)').
    for (const [k, us] of rows.filter(([k]) => k !== 'idle' && !k.startsWith('(idle) ')).slice(0, top)) console.log(`${pct(us)}  ${k}`);
    console.log('');
  };
  table('self time by area', s.byArea);
  table('self time by function', s.byFn);
  table('inclusive time of server/ and shared/ functions', s.inclusive);
  const n = opt('--stalls');
  if (!n) return;
  console.log('## longest busy stretches (share of the stretch\'s samples with the frame on the stack)');
  for (const st of stalls(profile, n)) {
    console.log(`${st.ms.toFixed(1)} ms at ${st.atS.toFixed(2)} s`);
    for (const [k, share] of st.top) console.log(`  ${(share * 100).toFixed(0).padStart(3)} %  ${k}`);
    console.log(`  self: ${st.self.map(([k, share]) => `${k} ${(share * 100).toFixed(0)} %`).join('; ')}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
