// The www demo (dist/www) as static files in Chromium: samples, pasted text and a saved
// .html file are marked by the same glue as the extension, its summary is the core's, a
// hostile saved page runs nothing, and no request leaves 127.0.0.1.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { CHROMIUM, KINDS, ROOT, byKind, hoverMarker, readHighlights, waitForTooltip } from './helpers.mjs';

const { initSync, analyze } = await import(join(ROOT, 'dist', 'pkg', 'sourcelight.js'));
initSync({ module: readFileSync(join(ROOT, 'dist', 'pkg', 'sourcelight_bg.wasm')) });

let server;
let browser;
let tmp;
const outside = [];

before(async () => {
  server = await startServer({ root: join(ROOT, 'dist', 'www') });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  tmp = mkdtempSync(join(tmpdir(), 'sourcelight-demo-'));
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function demoPage(query = '', locale = 'en-US') {
  const context = await browser.newContext({ acceptDownloads: true, locale });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/${query}`);
  await page.waitForSelector('body[data-core="ready"]');
  return { page, context, errors };
}

/** The demo's text (read with the shared glue) and the core's report on it, from Node. */
async function coreReportOf(page, language = 'auto') {
  const text = await page.evaluate(async () => (await globalThis.SourcelightPage.collectText(document.getElementById('article'))).text);
  return analyze(text, { language });
}

async function assertSummary(page, report) {
  const fig = async (name) => page.locator(`[data-figure="${name}"]`).textContent();
  assert.equal(await fig('claims'), String(report.summary.claims));
  assert.equal(await fig('flagged'), String(report.summary.flagged));
  assert.equal(await fig('anonymous_groups'), String(report.summary.anonymous_groups));
  for (const k of KINDS) assert.equal(await fig(`kind_${k}`), String(report.summary.by_kind[k]), k);
  const painted = byKind(await readHighlights(page));
  for (const k of ['anonymous', 'vague', 'unverified', 'report']) {
    assert.equal((painted[k] ?? []).length, report.claims.filter((c) => c.kind === k).length, `${k} markers`);
  }
}

test('a sample article is marked; summary and markers are the core report', async () => {
  const { page, context, errors } = await demoPage('?sample=harbour');
  await page.waitForSelector('body[data-ready]');
  const report = await coreReportOf(page);
  await assertSummary(page, report);
  if (report.summary.flagged) {
    await hoverMarker(page, report.claims.find((c) => c.flag).kind);
    await waitForTooltip(page, 'Source');
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('pasted text with emoji and CJK is marked at the right places', async () => {
  const { page, context, errors } = await demoPage();
  const text = '🙂 Ports 東京 — the deal collapsed, sources familiar with the matter told the Ledger. Critics say 👩‍👩‍👧 it was rushed.';
  await page.fill('#text', text);
  await page.click('#analyze');
  await page.waitForSelector('body[data-ready]');
  const report = await coreReportOf(page);
  await assertSummary(page, report);
  const painted = Object.values(byKind(await readHighlights(page))).flat();
  for (const c of report.claims.filter((k) => k.flag)) assert.ok(painted.some((p) => p.includes(c.claim.text)), c.claim.text);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a saved hostile .html: only its article text comes in, nothing runs, markup stays text', async () => {
  const file = join(tmp, 'saved.html');
  writeFileSync(file, `<!doctype html><html><head><title>Saved</title>
<script>window.__pwned = 'head script'</script></head>
<body onload="window.__pwned = 'onload'"><nav>Critics say menus are long.</nav>
<article><h1>Water board</h1>
<p>The board approved the plan, sources familiar with the decision said. <img src="x" onerror="window.__pwned = 'img'"></p>
<p>A resident wrote &lt;img src=x onerror=alert(1)&gt; and "&gt;&lt;script&gt;alert(2)&lt;/script&gt; on a sign, critics say.</p>
<p><a href="javascript:window.__pwned='link'" onclick="window.__pwned='click'">The contractor reportedly</a> <em>underestimated the cost</em>.</p>
<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>
<script>window.__pwned = 'body script'</script>
</article></body></html>`);
  const { page, context, errors } = await demoPage();
  await page.setInputFiles('#file', file);
  await page.waitForSelector('body[data-ready]');
  const state = await page.evaluate(() => {
    const a = document.getElementById('article');
    return {
      pwned: window.__pwned ?? null,
      text: a.textContent,
      elements: [...a.querySelectorAll('*')].map((e) => e.tagName),
      attributes: [...a.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((x) => x.name)),
    };
  });
  assert.equal(state.pwned, null, 'no script or handler from the file ran');
  assert.ok(state.text.includes('<img src=x onerror=alert(1)>'), 'markup-looking text stays text');
  assert.ok(!state.text.includes('menus are long'), 'the nav is left out');
  for (const tag of ['SCRIPT', 'IMG', 'IFRAME', 'STYLE']) assert.ok(!state.elements.includes(tag), `no ${tag}`);
  assert.deepEqual(state.attributes, [], 'no attribute from the file');
  const report = await coreReportOf(page);
  await assertSummary(page, report);
  await page.click('#article a');
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a Spanish reader gets the Spanish interface; a Spanish sample is read as Spanish', async () => {
  const { page, context, errors } = await demoPage('?sample=puerto', 'es-ES');
  await page.waitForSelector('body[data-ready]');
  const es = JSON.parse(readFileSync(join(ROOT, 'extension', '_locales', 'es', 'messages.json'), 'utf8'));
  assert.equal((await page.locator('.figures dt').first().textContent()), es.summary_claims.message);
  assert.equal(await page.locator('#analyze').textContent(), es.demo_run.message);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
  const report = await coreReportOf(page);
  await assertSummary(page, report);
  if (report.claims.length) assert.equal(report.language, 'es');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the demo makes no request outside its own static files', () => {
  assert.deepEqual(outside, []);
});
