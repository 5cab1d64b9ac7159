/** Renderer entry: mounts the app, opens the backend's initial trace, wires menu commands. */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { api } from "./api/client";
import { App } from "./App";
import { installDebugger } from "./debugger";
import { openDescriptor } from "./open";
import { useStore } from "./store/store";
import "./styles/app.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

installDebugger(useStore);
api.onTraceOpened((trace) => void openDescriptor(useStore, trace));
api
  .initial()
  .then((initial) => {
    useStore.getState().setInitial(initial);
    if (initial.trace) void openDescriptor(useStore, initial.trace);
  })
  .catch((err: unknown) => useStore.getState().failLoad("backend", err instanceof Error ? err.message : String(err)));
