// Timing helpers for the benchmark: run a function several times after warm-ups and
// summarise the wall-clock times (performance.now(), milliseconds).

export interface Timing {
  runs: number;
  warmups: number;
  minMs: number;
  medianMs: number;
  p90Ms: number;
  maxMs: number;
  meanMs: number;
}

export interface TimingOptions {
  runs: number;
  warmups: number;
}

/** The q-quantile (0–1) of sorted values, by linear interpolation between closest ranks. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError('No samples.');
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (pos - lo);
}

export function summarize(samples: readonly number[], warmups: number): Timing {
  const sorted = [...samples].sort((x, y) => x - y);
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    runs: sorted.length,
    warmups,
    minMs: round(sorted[0]!),
    medianMs: round(quantile(sorted, 0.5)),
    p90Ms: round(quantile(sorted, 0.9)),
    maxMs: round(sorted[sorted.length - 1]!),
    meanMs: round(sorted.reduce((s, x) => s + x, 0) / sorted.length),
  };
}

/** Times `fn` (awaited when it returns a promise); `check` sees every result, warm-ups included. */
export async function time<T>(fn: () => T | Promise<T>, options: TimingOptions, check: (result: T) => void = () => undefined): Promise<Timing> {
  for (let i = 0; i < options.warmups; i++) check(await fn());
  const samples: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const start = performance.now();
    const result = await fn();
    samples.push(performance.now() - start);
    check(result);
  }
  return summarize(samples, options.warmups);
}
