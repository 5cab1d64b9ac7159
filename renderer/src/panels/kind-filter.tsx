/** The search box's kind filter: a menu of event kinds, grouped by what they act on. */
import { useEffect, useRef, useState, type ReactElement } from "react";
import { EVENT_KINDS, type EventKind } from "../../../traces/format/schema";
import { useStore } from "../store/store";
import { Icon } from "./icons";

/** `chan.send` → `chan`; groups in EVENT_KINDS order. */
export function kindGroups(kinds: readonly EventKind[] = EVENT_KINDS): [string, EventKind[]][] {
  const groups = new Map<string, EventKind[]>();
  for (const k of kinds) {
    const prefix = k === "main.return" ? "go" : k.split(".")[0]!;
    groups.set(prefix, [...(groups.get(prefix) ?? []), k]);
  }
  return [...groups];
}

export function KindFilter(): ReactElement {
  const kinds = useStore((s) => s.filter.kinds);
  const toggle = useStore((s) => s.toggleFilterKind);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      e.preventDefault(); // the menu takes this Escape, not the app's "clear everything"
      setOpen(false);
    };
    window.addEventListener("mousedown", close);
    window.addEventListener("keydown", onKey, { capture: true });
    return () => {
      window.removeEventListener("mousedown", close);
      window.removeEventListener("keydown", onKey, { capture: true });
    };
  }, [open]);
  const clearKinds = () => {
    for (const k of kinds) toggle(k);
  };
  return (
    <div className="kind-filter" ref={ref}>
      <button
        type="button"
        className={`icon-button${kinds.size > 0 ? " active" : ""}`}
        title="Filter by event kind"
        aria-expanded={open}
        data-testid="kind-filter"
        onClick={() => setOpen(!open)}
      >
        <Icon name="filter" />
        {kinds.size > 0 && <span className="count-badge">{kinds.size}</span>}
      </button>
      {open && (
        <div className="menu kind-menu" role="menu" data-testid="kind-menu">
          <div className="menu-header">
            <span>Show events of kind</span>
            <button type="button" className="link-button" disabled={kinds.size === 0} onClick={clearKinds}>
              All kinds
            </button>
          </div>
          <div className="kind-grid">
            {kindGroups().map(([group, list]) => (
              <div className="kind-group" key={group}>
                <div className="kind-group-title">{group}</div>
                {list.map((k) => (
                  <label className="check" key={k}>
                    <input type="checkbox" checked={kinds.has(k)} onChange={() => toggle(k)} data-kind={k} />
                    <span>{k}</span>
                  </label>
                ))}
              </div>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
