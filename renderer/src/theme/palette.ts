/**
 * The colours of everything drawn on canvas (and of the legend), per theme. Goroutine states use
 * the conventions of Perfetto and gotraceui: running is saturated green, runnable a lighter
 * yellow-green (ready but not on a CPU), blocked red, sleeping a muted blue, done a faint grey.
 * Object tracks have one accent colour per kind. Lock holders get a stable colour per goroutine.
 */
import type { Theme } from "../store/view-slice";

export interface StateColors {
  readonly running: string;
  readonly runnable: string;
  readonly blocked: string;
  readonly sleeping: string;
  readonly done: string;
}

export interface KindColors {
  readonly goroutine: string;
  readonly chan: string;
  readonly mutex: string;
  readonly rwmutex: string;
  readonly wg: string;
}

export interface Palette {
  readonly theme: Theme;
  readonly states: StateColors;
  readonly kinds: KindColors;
  /** Send ticks / arrows, receive ticks, creation arrows, wake-up arrows. */
  readonly send: string;
  readonly recv: string;
  readonly create: string;
  readonly wake: string;
  readonly close: string;
  /** Backgrounds: the track area, every other row, section header rows, the gutter. */
  readonly background: string;
  readonly rowAlt: string;
  readonly header: string;
  readonly gutter: string;
  readonly grid: string;
  readonly separator: string;
  readonly text: string;
  readonly textDim: string;
  /** Text drawn on top of a coloured bar. */
  readonly textOnBar: string;
  readonly cursor: string;
  readonly selection: string;
  readonly hover: string;
  /** Alpha of rows that a focused diagnostic does not involve. */
  readonly dimAlpha: number;
  /** A stable colour for goroutine `g` (lock holders). */
  goroutine(g: number): string;
}

const goroutineColor = (lightness: number, saturation: number) => {
  const cache: string[] = [];
  return (g: number): string => {
    let c = cache[g];
    if (c === undefined) {
      // Golden-angle hues: neighbouring ids get well separated colours, the same id always the same.
      const hue = (g * 137.508 + 200) % 360;
      c = `hsl(${hue.toFixed(1)}, ${saturation}%, ${lightness}%)`;
      if (g >= 0 && g < 1 << 20) cache[g] = c;
    }
    return c;
  };
};

const DARK: Palette = {
  theme: "dark",
  states: { running: "#3fb950", runnable: "#b7c95a", blocked: "#e5534b", sleeping: "#6c8cd5", done: "#4a4f57" },
  kinds: { goroutine: "#8b949e", chan: "#39a9c9", mutex: "#d29922", rwmutex: "#c27ad6", wg: "#56b6a0" },
  send: "#58c4e8",
  recv: "#f0a35e",
  create: "#a5a5ff",
  wake: "#e8c547",
  close: "#ff7b72",
  background: "#16181c",
  rowAlt: "#1a1d22",
  header: "#20242b",
  gutter: "#1b1e23",
  grid: "#2a2f37",
  separator: "#2d323a",
  text: "#d7dce2",
  textDim: "#8b949e",
  textOnBar: "#0d1117",
  cursor: "#ffd33d",
  selection: "rgba(88, 166, 255, 0.16)",
  hover: "rgba(255, 255, 255, 0.05)",
  dimAlpha: 0.22,
  goroutine: goroutineColor(62, 55),
};

const LIGHT: Palette = {
  theme: "light",
  states: { running: "#2da44e", runnable: "#a4b83c", blocked: "#d1242f", sleeping: "#5479c9", done: "#c4c9d0" },
  kinds: { goroutine: "#57606a", chan: "#1b7fa3", mutex: "#b7791f", rwmutex: "#8e44ad", wg: "#2c8c74" },
  send: "#0a84c6",
  recv: "#d16b12",
  create: "#6a5acd",
  wake: "#b08800",
  close: "#cf222e",
  background: "#ffffff",
  rowAlt: "#f7f8fa",
  header: "#eef1f4",
  gutter: "#f6f8fa",
  grid: "#e4e7eb",
  separator: "#d8dde3",
  text: "#1f2328",
  textDim: "#656d76",
  textOnBar: "#ffffff",
  cursor: "#d97706",
  selection: "rgba(9, 105, 218, 0.12)",
  hover: "rgba(0, 0, 0, 0.04)",
  dimAlpha: 0.25,
  goroutine: goroutineColor(48, 60),
};

/** The palette of a theme; the same object every call (safe to compare by identity). */
export function palette(theme: Theme): Palette {
  return theme === "light" ? LIGHT : DARK;
}
