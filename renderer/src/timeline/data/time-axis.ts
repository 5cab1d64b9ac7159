/**
 * The time axis: tick positions from d3's linear scale and labels in ns/µs/ms/s. The unit follows
 * the magnitude of the visible times (so a 5 ms trace reads "1.2 ms", not "1200 µs"); the number
 * of decimals follows the tick step, so neighbouring labels always differ.
 */
import { scaleLinear } from "d3-scale";

const UNITS: readonly [number, string][] = [[1e9, "s"], [1e6, "ms"], [1e3, "µs"], [1, "ns"]];

/** The unit to label times of magnitude `m` (ns) with: [ns per unit, symbol]. */
export function unitFor(m: number): readonly [number, string] {
  for (const u of UNITS) if (Math.abs(m) >= u[0]) return u;
  return UNITS[UNITS.length - 1]!;
}

/** A tick label for time t (ns) on an axis whose ticks are `step` ns apart and whose times reach `magnitude` ns. */
export function formatTick(t: number, step: number, magnitude: number): string {
  const [scale, unit] = unitFor(Math.max(magnitude, step));
  const decimals = Math.max(0, Math.min(9, Math.ceil(-Math.log10(step / scale) - 1e-9)));
  const v = t / scale;
  return `${(Math.abs(v) < 0.5 * 10 ** -decimals ? 0 : v).toFixed(decimals)} ${unit}`;
}

export interface AxisTick {
  readonly t: number;
  /** Position in the axis's range units (CSS px). */
  readonly x: number;
  readonly label: string;
}

/** Ticks for the range [start, end] ns drawn over `width` px, about one per `spacing` px. */
export function axisTicks(start: number, end: number, width: number, spacing = 110): AxisTick[] {
  const scale = scaleLinear().domain([start, end]).range([0, width]);
  const ticks = scale.ticks(Math.max(2, Math.floor(width / spacing)));
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : Math.max(1, end - start);
  const magnitude = Math.max(Math.abs(start), Math.abs(end));
  // Ticks finer than 1 ns mean nothing in a trace measured in ns.
  return ticks
    .filter((t) => step >= 1 || Number.isInteger(t))
    .map((t) => ({ t, x: scale(t), label: formatTick(t, Math.max(1, step), magnitude) }));
}
