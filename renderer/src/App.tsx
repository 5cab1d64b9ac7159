/**
 * The app shell: toolbar and the debugger's toolbar, load banners, the timeline with its legend,
 * the stepping panels and the sidebar (or the welcome screen), the status bar, and the overlays. It installs the keyboard shortcuts, the menu
 * commands, file drag and drop and the theme; every panel lives in panels/ and the timeline in timeline/.
 */
import { useEffect, useLayoutEffect, useRef, type ReactElement, type RefObject } from "react";
import { api } from "./api/client";
import { DebugToolbar, SourcePanel, StatePanel, WaitForPanel } from "./debugger";
import { installKeyboard, timeAtClientX } from "./keyboard";
import { openLocalFile } from "./open";
import { LoadErrorBanner, LoadWarningBanner } from "./panels/banners";
import { runMenuCommand } from "./panels/commands";
import { Legend } from "./panels/legend";
import { DropOverlay, HelpOverlay, LoadingOverlay } from "./panels/overlays";
import { Sidebar } from "./panels/sidebar";
import { StatusBar } from "./panels/status-bar";
import { Toolbar } from "./panels/toolbar";
import { useUi } from "./panels/ui-store";
import { Welcome } from "./panels/welcome";
import { useStore } from "./store/store";
import type { Theme } from "./store/view-slice";
import { Timeline } from "./timeline";

const THEME_KEY = "goroscope.theme";

export function App(): ReactElement {
  const status = useStore((s) => s.status);
  const hasTrace = useStore((s) => s.loaded !== null);
  const stepPanels = useStore((s) => s.stepPanels);
  const searchRef = useRef<HTMLInputElement>(null);
  useTheme();
  useShortcuts(searchRef);
  useMenuCommands();
  useFileDrop();
  const showWelcome = status === "welcome" || status === "error" || (status === "loading" && !hasTrace);
  return (
    <div className="app" data-status={status}>
      <Toolbar searchRef={searchRef} />
      <DebugToolbar />
      <LoadErrorBanner />
      <LoadWarningBanner />
      <div className="workspace">
        {showWelcome ? (
          <Welcome />
        ) : (
          <>
            <main className="main">
              <div className="timeline-host">
                <Timeline />
              </div>
              <Legend />
              {stepPanels && <StepPanels />}
            </main>
            <Sidebar />
          </>
        )}
      </div>
      <StatusBar />
      <LoadingOverlay />
      <DropOverlay />
      <HelpOverlay />
    </div>
  );
}

/** Under the timeline while stepping: the source, the state at the cursor, the wait-for graph. */
function StepPanels(): ReactElement {
  return (
    <div className="step-panels" data-testid="step-panels">
      <div className="step-cell">
        <SourcePanel />
      </div>
      <div className="step-cell">
        <StatePanel />
      </div>
      <div className="step-cell">
        <WaitForPanel />
      </div>
    </div>
  );
}

function useTheme(): void {
  const theme = useStore((s) => s.theme);
  // Layout effects: the saved theme applies before the first paint, with no flash of the other one.
  useLayoutEffect(() => {
    const saved = readSavedTheme();
    if (saved) useStore.getState().setTheme(saved);
  }, []);
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = theme;
    try {
      localStorage.setItem(THEME_KEY, theme);
    } catch {
      // storage unavailable (private mode): the theme just is not remembered
    }
  }, [theme]);
}

function readSavedTheme(): Theme | undefined {
  try {
    const v = localStorage.getItem(THEME_KEY);
    return v === "dark" || v === "light" ? v : undefined;
  } catch {
    return undefined;
  }
}

function useShortcuts(searchRef: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    let mouse: { x: number; y: number } | undefined;
    const onMove = (e: MouseEvent) => {
      mouse = { x: e.clientX, y: e.clientY };
    };
    window.addEventListener("mousemove", onMove, { passive: true });
    const uninstall = installKeyboard(window, useStore, {
      mouseTime() {
        const canvas = document.querySelector('[data-testid="timeline-canvas"]');
        if (!canvas || !mouse) return undefined;
        const { viewStart, viewEnd } = useStore.getState();
        return timeAtClientX(canvas.getBoundingClientRect(), mouse.x, mouse.y, viewStart, viewEnd);
      },
      focusSearch() {
        searchRef.current?.focus();
        searchRef.current?.select();
      },
      toggleHelp() {
        const ui = useUi.getState();
        ui.setHelpOpen(!ui.helpOpen);
      },
      closeOverlay() {
        const ui = useUi.getState();
        if (!ui.helpOpen) return false;
        ui.setHelpOpen(false);
        return true;
      },
    });
    return () => {
      uninstall();
      window.removeEventListener("mousemove", onMove);
    };
  }, [searchRef]);
}

function useMenuCommands(): void {
  useEffect(() => api.onMenuCommand((command) => runMenuCommand(useStore, command)), []);
}

/** A file dragged anywhere over the window shows the drop overlay; dropping it opens it. */
function useFileDrop(): void {
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes("Files");
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      useUi.getState().setDragging(true);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) useUi.getState().setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      e.preventDefault();
      depth = 0;
      useUi.getState().setDragging(false);
      const file = e.dataTransfer?.files?.[0];
      if (file) void openLocalFile(useStore, file);
    };
    window.addEventListener("dragenter", onEnter);
    window.addEventListener("dragover", onOver);
    window.addEventListener("dragleave", onLeave);
    window.addEventListener("drop", onDrop);
    return () => {
      window.removeEventListener("dragenter", onEnter);
      window.removeEventListener("dragover", onOver);
      window.removeEventListener("dragleave", onLeave);
      window.removeEventListener("drop", onDrop);
    };
  }, []);
}
