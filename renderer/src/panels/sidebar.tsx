/** The right sidebar: Diagnostics, Inspector, Output and Statistics tabs, resizable by its left edge. */
import { useEffect, type ReactElement } from "react";
import { useStore } from "../store/store";
import { DiagnosticsPanel } from "./diagnostics-panel";
import { Inspector } from "./inspector/inspector";
import { OutputPanel } from "./output-panel";
import { StatisticsPanel } from "./statistics-panel";
import { useUi, type SidebarTab } from "./ui-store";

type Tab = SidebarTab;
const setTab = (tab: Tab) => useUi.getState().setTab(tab);

export function Sidebar(): ReactElement {
  const tab = useUi((s) => s.tab);
  const width = useUi((s) => s.sidebarWidth);
  const findings = useStore((s) => s.loaded?.diagnostics.length);
  const lines = useStore((s) => s.loaded?.output.length);
  const tabs: readonly [Tab, string, number | undefined][] = [
    ["diagnostics", "Diagnostics", findings],
    ["inspector", "Inspector", undefined],
    ["output", "Output", lines],
    ["statistics", "Statistics", undefined],
  ];
  useFollowSelection();
  return (
    <aside className="sidebar" style={{ width: `min(${width}px, 45vw)` }} data-testid="sidebar">
      <Resizer />
      <div className="tabs" role="tablist">
        {tabs.map(([id, label, count]) => (
          <button
            type="button"
            role="tab"
            key={id}
            aria-selected={tab === id}
            className={`tab${tab === id ? " active" : ""}`}
            data-testid={`tab-${id}`}
            onClick={() => setTab(id)}
          >
            {label}
            {count !== undefined && <span className={`tab-count${id === "diagnostics" && count > 0 ? " alert" : ""}`}>{count}</span>}
          </button>
        ))}
      </div>
      <div className="tab-body" role="tabpanel" hidden={tab !== "diagnostics"}>
        <DiagnosticsPanel />
      </div>
      <div className="tab-body" role="tabpanel" hidden={tab !== "inspector"}>
        <Inspector />
      </div>
      <div className="tab-body" role="tabpanel" hidden={tab !== "output"}>
        <OutputPanel />
      </div>
      <div className="tab-body" role="tabpanel" hidden={tab !== "statistics"}>
        {tab === "statistics" && <StatisticsPanel />}
      </div>
    </aside>
  );
}

/**
 * Selecting something in the timeline or a link shows the inspector, except while the statistics
 * are showing (their rows select goroutines: the table stays, the selected row is marked);
 * opening a trace shows its findings.
 */
function useFollowSelection(): void {
  useEffect(() => {
    const unsubscribe = useStore.subscribe((s, prev) => {
      if (s.opened !== prev.opened) setTab("diagnostics");
      else if (s.selection !== prev.selection && s.selection && s.selection.kind !== "diagnostic" && (useUi.getState().tab as Tab) !== "statistics") setTab("inspector");
    });
    return unsubscribe;
  }, []);
}

function Resizer(): ReactElement {
  return (
    <div
      className="resizer"
      aria-hidden="true"
      onPointerDown={(e) => {
        const startX = e.clientX;
        const startW = useUi.getState().sidebarWidth;
        const el = e.currentTarget;
        el.setPointerCapture(e.pointerId);
        const move = (ev: PointerEvent) => useUi.getState().setSidebarWidth(startW + (startX - ev.clientX));
        const up = () => {
          el.removeEventListener("pointermove", move);
          el.removeEventListener("pointerup", up);
        };
        el.addEventListener("pointermove", move);
        el.addEventListener("pointerup", up);
      }}
    />
  );
}
