/** The legend: what each goroutine state colour and each arrow colour means (the canvas palette's own colours). */
import type { ReactElement } from "react";
import { useStore } from "../store/store";
import { palette, type StateColors } from "../theme/palette";

const STATES: readonly [keyof StateColors, string][] = [
  ["running", "Running on a CPU"],
  ["runnable", "Ready to run, waiting for a CPU"],
  ["blocked", "Blocked on a channel, lock, WaitGroup or select"],
  ["sleeping", "Sleeping (time.sleep, timers)"],
  ["done", "Ended"],
];

export function Legend(): ReactElement {
  const theme = useStore((s) => s.theme);
  const p = palette(theme);
  const arrows: readonly [string, string, string][] = [
    ["send → recv", p.send, "A value sent and the receive that took it"],
    ["create", p.create, "A goroutine creating another"],
    ["wake", p.wake, "A goroutine waking a blocked one"],
  ];
  return (
    <div className="legend" data-testid="legend" aria-label="Legend">
      {STATES.map(([state, title]) => (
        <span className="legend-item" key={state} title={title} data-state={state}>
          <span className="swatch" style={{ background: p.states[state] }} />
          {state}
        </span>
      ))}
      <span className="legend-sep" />
      {arrows.map(([label, color, title]) => (
        <span className="legend-item" key={label} title={title}>
          <span className="swatch line" style={{ background: color }} />
          {label}
        </span>
      ))}
    </div>
  );
}
