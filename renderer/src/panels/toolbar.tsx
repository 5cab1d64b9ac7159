/** The toolbar: open, zoom, the x axis (time or event order), arrows, search and kind filter, the open trace, export, theme, help. */
import type { ReactElement, RefObject } from "react";
import { useStore } from "../store/store";
import type { TimelineAxis } from "../../../traces/timeline/axis";
import type { ArrowToggles } from "../store/view-slice";
import { ZOOM_STEP } from "../keyboard";
import { exportImage, openTraceDialog, showWelcome } from "./commands";
import { countOf, formatCount } from "./format";
import { Icon } from "./icons";
import { KindFilter } from "./kind-filter";
import { useUi } from "./ui-store";

const AXES: readonly [TimelineAxis, string, string][] = [
  ["time", "Time", "x is time: events at the same instant stack on one line"],
  ["events", "Events", "x is event order: every event gets its own column, whatever its time"],
];

const ARROWS: readonly [keyof ArrowToggles, string, string][] = [
  ["send", "send", "Arrows from each send to its receive"],
  ["create", "create", "Arrows from creator to created goroutine"],
  ["wake", "wake", "Arrows from waker to woken goroutine"],
];

export function Toolbar({ searchRef }: { readonly searchRef: RefObject<HTMLInputElement | null> }): ReactElement {
  const ready = useStore((s) => s.loaded !== null);
  const arrows = useStore((s) => s.arrows);
  const axis = useStore((s) => s.axis);
  const theme = useStore((s) => s.theme);
  const filterText = useStore((s) => s.filter.text);
  const opened = useStore((s) => (s.loaded ? s.loadedOpened : null));
  const eventCount = useStore((s) => s.loaded?.model.eventCount);
  const store = useStore;
  const s = useStore.getState();
  return (
    <header className="toolbar" data-testid="toolbar">
      <div className="brand" title="Goroscope">
        <span className="brand-mark" aria-hidden="true" />
        Goroscope
      </div>
      <div className="tool-group">
        <button type="button" className="tool-button" title="Open a trace file (Ctrl+O)" data-testid="open" onClick={() => openTraceDialog(store)}>
          <Icon name="open" />
          <span>Open…</span>
        </button>
        <button type="button" className="icon-button" title="Welcome: samples and recent files" data-testid="show-welcome" onClick={() => showWelcome(store)}>
          <Icon name="home" />
        </button>
      </div>
      <div className="tool-group">
        <button type="button" className="icon-button" title="Zoom in (W)" disabled={!ready} data-testid="zoom-in" onClick={() => s.zoom(ZOOM_STEP)}>
          <Icon name="zoomIn" />
        </button>
        <button type="button" className="icon-button" title="Zoom out (S)" disabled={!ready} data-testid="zoom-out" onClick={() => s.zoom(1 / ZOOM_STEP)}>
          <Icon name="zoomOut" />
        </button>
        <button type="button" className="icon-button" title="Fit the whole trace (F)" disabled={!ready} data-testid="fit" onClick={() => s.fit()}>
          <Icon name="fit" />
        </button>
      </div>
      <div className="tool-group axis-toggle" role="group" aria-label="Timeline x axis" data-testid="axis-toggle" data-axis={axis}>
        {AXES.map(([key, label, title]) => (
          <button
            type="button"
            key={key}
            className={`segment${axis === key ? " on" : ""}`}
            aria-pressed={axis === key}
            title={title}
            disabled={!ready}
            data-axis={key}
            onClick={() => s.setAxis(key)}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="tool-group arrows" role="group" aria-label="Arrows">
        <span className="tool-label">Arrows</span>
        {ARROWS.map(([key, label, title]) => (
          <button
            type="button"
            key={key}
            className={`toggle${arrows[key] ? " on" : ""}`}
            aria-pressed={arrows[key]}
            title={title}
            data-testid={`arrows-${key}`}
            onClick={() => s.setArrows({ [key]: !arrows[key] })}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="search-box">
        <Icon name="search" size={14} />
        <input
          ref={searchRef}
          type="search"
          data-testid="search"
          placeholder="Search goroutines and objects  ( / )"
          spellCheck={false}
          value={filterText}
          onChange={(e) => s.setFilterText(e.target.value)}
        />
        <KindFilter />
      </div>
      <div className="spacer" />
      {opened && (
        <div className="trace-name" title={opened.descriptor?.path ?? opened.name} data-testid="trace-name">
          <Icon name="file" size={14} />
          <span className="name">{opened.name}</span>
          {eventCount !== undefined && <span className="muted">{countOf(eventCount, "event")}</span>}
        </div>
      )}
      <div className="tool-group">
        <button type="button" className="icon-button" title="Export the timeline as PNG" disabled={!ready} data-testid="export-image" onClick={() => void exportImage(store)}>
          <Icon name="image" />
        </button>
        <button type="button" className="icon-button" title={`Switch to the ${theme === "dark" ? "light" : "dark"} theme`} data-testid="theme-toggle" onClick={() => s.toggleTheme()}>
          <Icon name={theme === "dark" ? "sun" : "moon"} />
        </button>
        <button type="button" className="icon-button" title="Keyboard shortcuts (?)" data-testid="help" onClick={() => useUi.getState().setHelpOpen(true)}>
          <Icon name="help" />
        </button>
      </div>
    </header>
  );
}
