// Benchmarks of the extension and the wasm (figures for the README; not a test):
//   node tests/e2e/bench.mjs [runs]
// wasm size raw and gzipped; wasm instantiation in Node and in the service worker; time from
// the content script's start to markers painted on a ~2,000-word article (median of runs,
// worker warm) and on a 1 MB article; the longest main-thread task during the 1 MB scan.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, ask, launch, waitForScan } from './helpers.mjs';
import { bigArticle, htmlRoute, longArticle } from './pages.mjs';

const runs = Number(process.argv[2] ?? 15);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const wasm = readFileSync(join(ROOT, 'dist', 'pkg', 'sourcelight_bg.wasm'));
console.log(`wasm: ${wasm.length} bytes raw, ${gzipSync(wasm, { level: 9 }).length} bytes gzip -9`);

const { initSync, analyze } = await import(join(ROOT, 'dist', 'pkg', 'sourcelight.js'));
let t0 = performance.now();
initSync({ module: new WebAssembly.Module(wasm) });
console.log(`wasm compile + instantiate in Node: ${(performance.now() - t0).toFixed(1)} ms`);
const long = longArticle(2000).replace(/<[^>]+>/g, ' ');
t0 = performance.now();
for (let i = 0; i < 20; i++) analyze(long, {});
console.log(`analyze ~2,000 words in Node: ${((performance.now() - t0) / 20).toFixed(2)} ms`);

const env = await launch({ routes: { '/long.html': htmlRoute(() => longArticle(2000)), '/big.html': htmlRoute(() => bigArticle(1024 * 1024)) } });
await env.context.addInitScript(() => {
  window.__longtasks = [];
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch { /* none */ }
});
try {
  const times = [];
  let stats;
  for (let i = 0; i <= runs; i++) {
    const page = await env.context.newPage();
    await page.goto(`${env.server.url}/long.html`);
    const { tabId } = await waitForScan(env, page);
    stats = await ask(env, { type: 'stats', tabId });
    if (i > 0) times.push(stats.timing.sinceStartMs); // the first run starts the worker and the wasm
    await page.close();
  }
  console.log(`wasm instantiation in the service worker: ${stats.coreLoadMs.toFixed(1)} ms`);
  console.log(`~2,000-word article, content-script start to markers: median ${median(times).toFixed(1)} ms, ` +
    `min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)} over ${times.length} loads`);
  // The 1 MB page loads and settles first (its own parsing and layout are not ours), then a
  // scan is asked for as the toolbar button does.
  const sw = await env.sw();
  await sw.evaluate(() => chrome.storage.sync.set({ settings: { mode: 'click' } }));
  const page = await env.context.newPage();
  await page.goto(`${env.server.url}/big.html`);
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
  await frames();
  await page.evaluate(() => { window.__longtasks.length = 0; });
  await page.bringToFront();
  const tabId = await sw.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);
  await sw.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'scan-now' }), tabId);
  await frames();
  const { timing } = await ask(env, { type: 'stats', tabId });
  const { report } = await ask(env, { type: 'report', tabId });
  const tasks = await page.evaluate(() => window.__longtasks);
  console.log(`1 MB article (${timing.textLength} UTF-16 units, ${report.claims.length} claims): ` +
    `${timing.scanMs.toFixed(0)} ms from scan start to markers (collect ${timing.collectMs.toFixed(0)}, worker ${timing.roundTripMs.toFixed(0)} incl. analyze ${timing.analyzeMs.toFixed(0)}, paint ${timing.paintMs.toFixed(0)})`);
  console.log(`1 MB article, longest Sourcelight slice on the main thread: ${timing.longestSliceMs.toFixed(1)} ms; ` +
    `main-thread tasks over 50 ms during the scan: ${tasks.length ? tasks.map((t) => t.duration.toFixed(0)).join(', ') : 'none'}`);
  await page.close();
} finally {
  await env.close();
}
