// electron-vite for this repo's top-level layout (main/, renderer/) rather than src/*.
// `electron-vite build` writes out/main/index.js, out/preload/preload.js and out/renderer/; it
// works without the Electron binary (browser mode serves out/renderer).
import { defineConfig } from "electron-vite";
import react from "@vitejs/plugin-react";
import { resolve } from "node:path";

export default defineConfig({
  main: {
    build: { outDir: "out/main", lib: { entry: resolve(__dirname, "main/index.ts") } },
  },
  preload: {
    build: { outDir: "out/preload", lib: { entry: resolve(__dirname, "main/preload.ts") } },
  },
  renderer: {
    root: "renderer",
    base: "./",
    plugins: [react()],
    worker: { format: "es" },
    build: {
      outDir: resolve(__dirname, "out/renderer"),
      emptyOutDir: true,
      sourcemap: true,
      // electron-vite leaves the renderer unminified; a smaller bundle parses sooner at start-up.
      minify: true,
      target: "chrome120",
      rolldownOptions: {
        // early-model: browser mode's server adds it to the page it serves, by this fixed name
        // (renderer/src/api/early-model.ts); everything else is named by content.
        input: { index: resolve(__dirname, "renderer/index.html"), "early-model": resolve(__dirname, "renderer/src/api/early-model.ts") },
        output: { entryFileNames: (chunk) => (chunk.name === "early-model" ? "assets/early-model.js" : "assets/[name]-[hash].js") },
      },
    },
  },
});
