import type { LatencySummary } from '../ipc.js';

const FINE = 10_000; // 1 ms buckets below 10 s
const COARSE = 11_000; // then 10 ms buckets up to ~120 s

/** A latency histogram in whole milliseconds: recording is an array increment, so it can count every delivery. */
export class Histogram {
  private readonly buckets = new Float64Array(FINE + COARSE);
  count = 0;
  private sum = 0;
  max = 0;

  record(ms: number, times = 1): void {
    const v = ms < 0 ? 0 : ms;
    const i = v < FINE ? Math.floor(v) : Math.min(FINE + COARSE - 1, FINE + Math.floor((v - FINE) / 10));
    this.buckets[i]! += times;
    this.count += times;
    this.sum += v * times;
    if (v > this.max) this.max = v;
  }

  merge(other: Histogram): this {
    for (let i = 0; i < this.buckets.length; i++) this.buckets[i]! += other.buckets[i]!;
    this.count += other.count;
    this.sum += other.sum;
    this.max = Math.max(this.max, other.max);
    return this;
  }

  percentile(p: number): number {
    if (this.count === 0) return 0;
    const rank = Math.ceil((p / 100) * this.count);
    let seen = 0;
    for (let i = 0; i < this.buckets.length; i++) {
      seen += this.buckets[i]!;
      if (seen >= rank) return Math.min(this.max, i < FINE ? i : FINE + (i - FINE) * 10);
    }
    return this.max;
  }

  summary(): LatencySummary {
    return {
      count: this.count,
      p50: this.percentile(50),
      p99: this.percentile(99),
      p999: this.percentile(99.9),
      max: this.max,
      mean: this.count ? this.sum / this.count : 0,
    };
  }
}
