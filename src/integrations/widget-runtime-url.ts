import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const ID = "virtual:widget-runtime";
const RESOLVED = `\0${ID}`;
const RUNTIME = fileURLToPath(new URL("../widgets/widget-runtime.ts", import.meta.url));

/**
 * `virtual:widget-runtime` exports `loadWidgetRuntime()`, the import of the
 * widget runtime (src/widgets/widget-runtime.ts) that `<figure-widget>` makes
 * once a figure nears the viewport.
 *
 * In a client build the runtime is its own chunk and the import is of its URL
 * as a plain string. The element's script then imports nothing Rollup knows
 * of, so Astro inlines it into the page. Written as `import("./widget-runtime")`,
 * the script and Vite's preload helper would be two more script requests
 * before the first paint, and Lighthouse counts both as render-blocking.
 */
export function widgetRuntimeUrl(): Plugin {
  let base = "/";
  let runtimeRef: string | undefined;
  return {
    name: "widget-runtime-url",
    configResolved(config) {
      base = config.base;
    },
    resolveId(id) {
      return id === ID ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      if (this.environment.mode !== "build" || this.environment.config.consumer !== "client") {
        return `export const loadWidgetRuntime = () => import(${JSON.stringify(RUNTIME)});`;
      }
      // "allow-extension": the runtime may share its chunk with modules the figure specs use, but keeps its own exports.
      runtimeRef = this.emitFile({ type: "chunk", id: RUNTIME, name: "widget-runtime", preserveSignature: "allow-extension" });
      return `export const loadWidgetRuntime = () => import(/* @vite-ignore */ import.meta.ROLLUP_FILE_URL_${runtimeRef});`;
    },
    // The script runs inline, where import.meta.url is the page's: give the chunk's URL from the site's root.
    resolveFileUrl({ referenceId, fileName }) {
      return referenceId === runtimeRef ? JSON.stringify(base + fileName) : null;
    },
  };
}
