/**
 * Order statistics used by every metric. Inputs are not mutated; callers pass any numeric array.
 * Both return null for no data, so "no commits" is never mistaken for "zero hours".
 */

/** The middle value; the mean of the two middle values when the count is even. */
export function median(values: ArrayLike<number>): number | null {
  const sorted = sortedCopy(values);
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The nearest-rank percentile: the smallest value with at least `p` percent of the values at or below it,
 * i.e. the value at rank ⌈p/100 × n⌉. Always one of the observed values, never an interpolation.
 */
export function percentileNearestRank(values: ArrayLike<number>, p: number): number | null {
  const sorted = sortedCopy(values);
  const n = sorted.length;
  if (n === 0) return null;
  // p × n first: (p / 100) × n can drift, e.g. (7 / 100) × 100 = 7.000000000000001, and pick the wrong rank.
  const rank = Math.max(1, Math.ceil((p * n) / 100));
  return sorted[Math.min(rank, n) - 1]!;
}

/** Reported figures carry two decimals; scores are computed from the same rounded figure a reader sees. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function round2OrNull(value: number | null): number | null {
  return value === null ? null : round2(value);
}

function sortedCopy(values: ArrayLike<number>): Float64Array {
  const copy = Float64Array.from(values);
  copy.sort();
  return copy;
}
