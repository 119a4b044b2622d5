// Loads the wasm core once and runs it. Used by the service worker and by the www demo.
// The Report's spans count UTF-16 code units, as JavaScript strings do.
import init, { analyze as wasmAnalyze, version as wasmVersion } from '../pkg/sourcelight.js';

let ready = null;
let loadMs = null;

/** Starts (once) and awaits the wasm instantiation. */
export function loadCore(source = new URL('../pkg/sourcelight_bg.wasm', import.meta.url)) {
  if (!ready) {
    const t0 = performance.now();
    ready = init({ module_or_path: source }).then(
      () => { loadMs = performance.now() - t0; },
      (err) => { ready = null; throw err; },
    );
  }
  return ready;
}

/** Milliseconds the last successful instantiation took (null before it ends). */
export function coreLoadMs() {
  return loadMs;
}

/** analyze(text, { language: "auto" | "en" | "es" }) → Report. Throws on bad options. */
export async function analyze(text, options = {}) {
  await loadCore();
  return wasmAnalyze(String(text), options);
}

export async function coreVersion() {
  await loadCore();
  return wasmVersion();
}
