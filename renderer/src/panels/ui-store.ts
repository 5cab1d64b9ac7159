/**
 * View-local state of the shell that no other part of the app reads: the sidebar's tab, the help
 * overlay, whether a file is being dragged over the window. Kept apart from the app store so the
 * timeline never redraws for it.
 */
import { create } from "zustand";

export type SidebarTab = "diagnostics" | "inspector" | "output" | "statistics";

export interface UiState {
  tab: SidebarTab;
  helpOpen: boolean;
  dragging: boolean;
  /** Sidebar width, px. */
  sidebarWidth: number;
  setTab(tab: SidebarTab): void;
  setHelpOpen(open: boolean): void;
  setDragging(dragging: boolean): void;
  setSidebarWidth(px: number): void;
}

export const createUiStore = () =>
  create<UiState>()((set) => ({
    tab: "diagnostics",
    helpOpen: false,
    dragging: false,
    sidebarWidth: 380,
    setTab: (tab) => set({ tab }),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
    setDragging: (dragging) => set({ dragging }),
    setSidebarWidth: (px) => set({ sidebarWidth: Math.round(Math.max(260, Math.min(720, px))) }),
  }));

export const useUi = createUiStore();
