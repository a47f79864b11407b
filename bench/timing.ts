/**
 * Timing helpers for the benches: wall-clock medians with a warm-up, never timed assertions.
 *
 * `medianMs(fn)` runs `fn` a few times to warm the JIT, then takes `samples` samples and returns the
 * median milliseconds per call. Calls that are too quick to time alone are batched: each sample runs
 * `fn` `reps` times (chosen so a sample lasts at least `minSampleMs`) and is divided by `reps`.
 */
import { performance } from 'node:perf_hooks';

export interface TimingOptions {
  /** Calls before measuring (at least 1). */
  warmup?: number;
  /** Samples whose median is reported (odd is best). */
  samples?: number;
  /** Shortest sample; quick calls are repeated within one sample until it lasts this long. */
  minSampleMs?: number;
}

/** A value the optimiser cannot prove unused. */
export let sink: unknown = null;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function medianMs(fn: () => unknown, opts: TimingOptions = {}): number {
  const { warmup = 2, samples = 7, minSampleMs = 20 } = opts;
  let one = Infinity;
  for (let i = 0; i < Math.max(1, warmup); i++) {
    const t0 = performance.now();
    sink = fn();
    one = Math.min(one, performance.now() - t0);
  }
  const reps = Math.max(1, Math.ceil(minSampleMs / Math.max(one, 1e-3)));
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) sink = fn();
    times.push((performance.now() - t0) / reps);
  }
  return median(times);
}
