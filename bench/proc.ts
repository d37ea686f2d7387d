import fs from 'node:fs';
import os from 'node:os';

const TICK_MS = 10; // CLK_TCK = 100 on Linux

/** CPU ms (user + system) a process has used so far, from /proc/<pid>/stat; null once it is gone. */
export function cpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

/** Resident set size in MB, from /proc/<pid>/status. */
export function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Busy ms per CPU core so far (everything but idle and iowait), from /proc/stat. */
export function coreBusyMs(): number[] {
  const lines = fs.readFileSync('/proc/stat', 'utf8').split('\n').filter((l) => /^cpu\d/.test(l));
  return lines.map((l) => {
    const v = l.split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = v;
    return (user + nice + system + irq + softirq + steal) * TICK_MS;
  });
}

export function loadAverage(): number[] {
  return os.loadavg().map((x) => Math.round(x * 100) / 100);
}

/** One sample of the processes under test and the machine. */
export interface Sample {
  at: number;
  serverCpuMs: number | null;
  serverRssMb: number | null;
  loadCpuMs: number | null;
  cores: number[];
}

/** Samples every `everyMs` until stopped. */
export function startSampler(serverPid: number, loadPid: () => number | null, everyMs = 250): { samples: Sample[]; stop(): void } {
  const samples: Sample[] = [];
  const take = () => {
    const lp = loadPid();
    samples.push({ at: Date.now(), serverCpuMs: cpuMs(serverPid), serverRssMb: rssMb(serverPid), loadCpuMs: lp ? cpuMs(lp) : null, cores: coreBusyMs() });
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    samples,
    stop() {
      clearInterval(timer);
      take();
    },
  };
}

/** Value of a cumulative counter at time t, interpolated between samples. */
export function at(samples: Sample[], t: number, pick: (s: Sample) => number | null): number | null {
  let prev: Sample | null = null;
  for (const s of samples) {
    const v = pick(s);
    if (v === null) continue;
    if (s.at >= t) {
      const pv = prev ? pick(prev) : null;
      if (!prev || pv === null || s.at === prev.at) return v;
      return pv + ((v - pv) * (t - prev.at)) / (s.at - prev.at);
    }
    prev = s;
  }
  return prev ? pick(prev) : null;
}

/** Share of one core (0–1) a cumulative CPU counter used in [t0, t1]. */
export function coreShare(samples: Sample[], t0: number, t1: number, pick: (s: Sample) => number | null): number | null {
  const a = at(samples, t0, pick);
  const b = at(samples, t1, pick);
  return a === null || b === null || t1 <= t0 ? null : (b - a) / (t1 - t0);
}
