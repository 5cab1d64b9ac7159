/** Small order statistics for noisy timings: medians and a spread that ignores the mean. */

export function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median absolute deviation relative to the median (0.03 = typical sample is 3% off). */
export function relativeMad(values) {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m))) / m;
}

/** Element-wise ratios a[i] / b[i] of two same-length sample lists (rounds paired by index). */
export function pairedRatios(a, b) {
  return a.map((v, i) => v / b[i]);
}
