// End to end: the real unpacked extension (dist/chromium) in Chromium, on fixture pages
// written for these tests. Every wait is on a condition, never a fixed sleep.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EXTENSION, FIXTURES, KINDS, ask, badgeOf, byKind, hoverMarker, launch, open, openPopup, readHighlights, readTooltip,
  reportOf, setSettings, snapshot, tabIdOf, waitForMarkers, waitForScan, waitForTooltip,
} from './helpers.mjs';
import { bigArticle, htmlRoute, longArticle, manyNodesArticle } from './pages.mjs';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; object-src 'none'";
let env;

/** The claims the core found, as { kind: [claim texts] }, for the expected-kind assertions. */
function kindsOf(report) {
  const out = {};
  for (const c of report.claims) (out[c.kind] ??= []).push(c.sentence.text);
  return out;
}

/** The marked texts must be exactly the core's claims of the marked kinds. */
function assertMarkersMatchReport(highlights, report, marked = ['anonymous', 'vague', 'unverified', 'report']) {
  const painted = byKind(highlights);
  for (const k of KINDS) {
    const expected = report.claims.filter((c) => c.kind === k).length;
    const got = (painted[k] ?? []).length;
    if (marked.includes(k)) assert.equal(got, expected, `${k}: ${got} markers for ${expected} claims`);
    else assert.equal(got, 0, `${k} is not marked by default`);
  }
}

async function scanned(path) {
  const page = await open(env, path);
  const state = await waitForScan(env, page);
  const { report } = await reportOf(env, state.tabId);
  return { page, state, report, tabId: state.tabId };
}

before(async () => {
  env = await launch({
    headers: (path) => (path.startsWith('/csp/') ? { 'content-security-policy': CSP } : {}),
    routes: {
      '/csp/news.html': (req, res) => {
        const body = readFileSync(join(FIXTURES, 'news.html'));
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP }).end(body);
      },
      '/long.html': htmlRoute(() => longArticle(2000)),
      '/big.html': htmlRoute(() => bigArticle(1024 * 1024)),
      '/nodes.html': htmlRoute(() => manyNodesArticle(100000)),
    },
  });
  // In every page, before any extension code: the page as loaded, and every long task.
  await env.context.addInitScript(() => {
    if (!location.protocol.startsWith('http')) return;
    window.__longtasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch { /* no long task timing */ }
    document.addEventListener('DOMContentLoaded', () => {
      window.__before = { html: document.documentElement.outerHTML, text: document.body.innerText };
    }, { once: true });
  });
});

after(async () => {
  await env?.close();
});

describe('news article with nav, aside, comments, hidden text and form fields', () => {
  test('markers only inside the article, matching the core report, with expected kinds', async () => {
    const { page, report, tabId } = await scanned('/news.html');
    const { text } = await ask(env, { type: 'text', tabId });
    assert.ok(text.includes('people familiar with the negotiations told the Ledger'), 'reads the article');
    for (const outside of ['menu is too long', 'new ferry timetable', 'my uncle', 'hidden sentence', 'form field',
      'Sources said nothing here', 'editable note', 'nothing about footers', 'The Alden Ledger\n']) {
      assert.ok(!text.includes(outside), `does not read "${outside.trim()}"`);
    }
    const highlights = await readHighlights(page);
    assertMarkersMatchReport(highlights, report);
    const inside = await page.evaluate(() => {
      const article = document.querySelector('article');
      return [...CSS.highlights].flatMap(([, h]) => [...h]).every((r) => article.contains(r.commonAncestorContainer));
    });
    assert.ok(inside, 'every marker is inside <article>');
    assert.equal(await badgeOf(env, tabId), String(report.summary.flagged), 'badge shows the flagged count');
    if (report.claims.length) {
      const kinds = kindsOf(report);
      const has = (kind, words) => (kinds[kind] ?? []).some((s) => s.includes(words));
      assert.ok(has('anonymous', 'people familiar with the negotiations'), JSON.stringify(kinds));
      assert.ok(has('vague', 'Critics say'), JSON.stringify(kinds));
      assert.ok(has('unverified', 'reportedly'), JSON.stringify(kinds));
      assert.ok(has('report', 'a report in the Harbour Courier'), JSON.stringify(kinds));
      assert.ok(has('organisation', 'declined to comment'), JSON.stringify(kinds));
      assert.ok(has('named', 'Dana Whitfield'), JSON.stringify(kinds));
      const painted = byKind(highlights);
      assert.ok(painted.anonymous.some((t) => t.includes('people familiar with the negotiations')));
    }
    await page.close();
  });

  test('hover shows the tooltip in a closed shadow root; the page DOM and text are untouched', async () => {
    const { page, report } = await scanned('/news.html');
    if (report.summary.flagged) {
      await hoverMarker(page, report.claims.find((c) => c.flag).kind);
      const tip = await waitForTooltip(page, 'Source');
      assert.equal(tip.closed, true, 'the shadow root is closed');
      const claim = report.claims.find((c) => c.flag);
      const label = { anonymous: 'Anonymous source', vague: 'Vague source', unverified: 'Unverified claim', report: 'Other reporting' }[claim.kind];
      assert.ok(tip.text.includes(label), tip.text);
      if (claim.explanation) assert.ok(tip.text.includes(claim.explanation.slice(0, 40)), 'shows the explanation');
      if (claim.checks) assert.ok(tip.text.includes('What newsroom standards ask for'), 'shows the standards checks');
    }
    const now = await snapshot(page);
    const before = await page.evaluate(() => window.__before);
    assert.ok(before, 'the page was captured before the extension ran');
    assert.equal(now.html, before.html, 'DOM serialisation identical apart from the tooltip host');
    assert.equal(now.text, before.text, 'page text identical');
    assert.ok(now.hosts <= 1, 'at most one tooltip host');
    await page.close();
  });

  test('popup: summary equals the core report, list flashes the claim, exports contain every claim', async () => {
    const { page, report, tabId } = await scanned('/news.html');
    const popup = await openPopup(env, tabId);
    assert.equal(await popup.evaluate(() => document.body.dataset.ready), 'done');
    const fig = async (name) => popup.locator(`[data-figure="${name}"]`).textContent();
    const s = report.summary;
    assert.equal(await fig('claims'), String(s.claims));
    assert.equal(await fig('flagged'), String(s.flagged));
    assert.equal(await fig('anonymous_groups'), String(s.anonymous_groups));
    assert.equal(await fig('anonymous_share'), `${Math.round(s.anonymous_share * 100)}%`);
    for (const k of KINDS) assert.equal(await fig(`kind_${k}`), String(s.by_kind[k]), k);
    for (const k of ['reason', 'boilerplate_reason', 'vantage', 'opinion']) assert.equal(await fig(`missed_${k}`), String(s.checks_missed[k]), k);
    assert.equal(await popup.locator('#claims li.claim').count(), s.flagged, 'one list item per flagged claim');

    if (s.flagged) {
      const first = report.claims.find((c) => c.flag);
      await popup.locator('#claims li.claim button').first().click();
      await page.waitForFunction(() => CSS.highlights.get('sourcelight-flash')?.size === 1, null, { polling: 20 });
      const flashed = await page.evaluate(() => [...CSS.highlights.get('sourcelight-flash')][0].toString());
      assert.ok(first.sentence.text.includes(flashed.slice(0, 20)) || flashed.includes(first.claim.text.slice(0, 20)), flashed);
    }

    const exported = {};
    for (const fmt of ['json', 'csv', 'md']) {
      const [download] = await Promise.all([popup.waitForEvent('download'), popup.click(`[data-export="${fmt}"]`)]);
      exported[fmt] = readFileSync(await download.path(), 'utf8');
    }
    const json = JSON.parse(exported.json);
    assert.deepEqual(json.report, report, 'JSON export is the core report');
    const rows = exported.csv.trim().split('\r\n');
    assert.equal(rows.length, report.claims.length + 1, 'CSV: a header and one row per claim');
    for (const c of report.claims) {
      assert.ok(exported.md.includes(`${c.id + 1}\\. **${c.kind}**`), `Markdown lists claim ${c.id}`);
      assert.ok(rows[c.id + 1].startsWith(`"${c.id}","${c.kind}"`), `CSV row for claim ${c.id}`);
    }
    await popup.close();
    await page.close();
  });

  test('no request leaves the extension', async () => {
    const { page, tabId } = await scanned('/news.html');
    const popup = await openPopup(env, tabId);
    await popup.close();
    await page.close();
    assert.deepEqual(env.proxy.leaks(), [], 'no request to anywhere but the fixture server');
    // From the browser's side: the extension's pages and worker only load their own files.
    const ext = `chrome-extension://${env.extensionId}/`;
    const fromExtension = env.requests.filter((r) => r.frameUrl.startsWith(ext) || r.from === 'worker');
    for (const r of fromExtension) assert.ok(r.url.startsWith(ext) || r.url.startsWith('blob:'), `extension request to ${r.url}`);
    for (const r of env.requests.filter((q) => q.frameUrl.startsWith('http'))) {
      assert.ok(r.url.startsWith(env.server.url), `page request to ${r.url}`);
    }
    const paths = new Set(env.server.requests);
    for (const p of paths) {
      assert.ok(/^\/(news|split|live|es|dark|long|big|deep|nodes|hostile|favicon\.ico|csp\/news)(\.html)?$|^\/(live|hostile)\.js$/.test(p) || p === '/live.js', `unexpected request ${p}`);
    }
  });
});

describe('settings', () => {
  test('site off: no markers; back on: markers again', async () => {
    const { page, tabId } = await scanned('/news.html');
    const popup = await openPopup(env, tabId);
    await popup.uncheck('#site');
    await page.waitForFunction(() => ![...CSS.highlights.keys()].some((n) => n.startsWith('sourcelight-')), null, { polling: 20 });
    assert.equal(await badgeOf(env, tabId), '');
    await popup.close();
    await page.reload();
    const state = await waitForOff(page);
    assert.equal(state.status, 'off');
    assert.deepEqual(await readHighlights(page), []);
    const popup2 = await openPopup(env, tabId);
    assert.equal(await popup2.isChecked('#site'), false);
    await popup2.check('#site');
    await popup2.waitForSelector('body[data-ready="done"]');
    await popup2.close();
    await waitForScan(env, page);
    assert.ok((await readHighlights(page)).length > 0, 'highlights registered again');
    await setSettings(env, {});
    await page.close();
  });

  test('classroom mode hides markers until Reveal', async () => {
    await setSettings(env, { classroom: true });
    const { page, tabId, report } = await scanned('/news.html');
    assert.deepEqual(await readHighlights(page), [], 'nothing painted before Reveal');
    const popup = await openPopup(env, tabId);
    await popup.click('#reveal');
    await page.waitForFunction(() => [...CSS.highlights.keys()].some((n) => n.startsWith('sourcelight-')), null, { polling: 20 });
    assertMarkersMatchReport(await readHighlights(page), report);
    await popup.close();
    await setSettings(env, {});
    await page.close();
  });

  test('corrupt settings fall back to defaults', async () => {
    await setSettings(env, { kinds: 'all', classroom: 'yes', language: 42, mode: null, sites: [1, 2] });
    const { page, report } = await scanned('/news.html');
    assertMarkersMatchReport(await readHighlights(page), report);
    const sw = await env.sw();
    await sw.evaluate(() => chrome.storage.sync.set({ settings: 'garbage' }));
    await page.reload();
    await waitForScan(env, page);
    assertMarkersMatchReport(await readHighlights(page), report);
    await setSettings(env, {});
    await page.close();
  });

  test('options page: a kind switched on is marked on the open page; corrupt storage shows defaults', async () => {
    const sw = await env.sw();
    await sw.evaluate(() => chrome.storage.sync.set({ settings: { kinds: 7, mode: 'sometimes' } }));
    const { page, report } = await scanned('/news.html');
    const options = await env.context.newPage();
    await options.goto(`chrome-extension://${env.extensionId}/options.html`);
    await options.waitForSelector('body[data-ready]');
    for (const k of KINDS) {
      assert.equal(await options.isChecked(`input[name=kind][value=${k}]`), ['anonymous', 'vague', 'unverified', 'report'].includes(k), k);
    }
    assert.equal(await options.isChecked('input[name=mode][value=auto]'), true);
    await options.check('input[name=kind][value=named]');
    await page.waitForFunction(() => CSS.highlights.has('sourcelight-named'), null, { polling: 20 });
    await waitForScan(env, page);
    assertMarkersMatchReport(await readHighlights(page), report, ['anonymous', 'vague', 'unverified', 'report', 'named']);
    const stored = await sw.evaluate(async () => (await chrome.storage.sync.get('settings')).settings);
    assert.equal(stored.kinds.named, true);
    assert.equal(stored.mode, 'auto');
    await options.click('#reset');
    await page.waitForFunction(() => !CSS.highlights.has('sourcelight-named'), null, { polling: 20 });
    await options.close();
    await page.close();
  });

  test('"only when I click": nothing is read until the toolbar popup opens', async () => {
    await setSettings(env, { mode: 'click' });
    const page = await open(env, '/news.html');
    const state = await waitForOff(page);
    assert.equal(state.status, 'off');
    assert.deepEqual(await readHighlights(page), []);
    const tabId = await tabIdOf(env, page);
    assert.deepEqual(await reportOf(env, tabId), { missing: true }, 'nothing was sent to the worker');
    const popup = await openPopup(env, tabId);
    assert.equal(await popup.evaluate(() => document.body.dataset.ready), 'done');
    const { report } = await reportOf(env, tabId);
    assertMarkersMatchReport(await readHighlights(page), report);
    await popup.close();
    await setSettings(env, {});
    await page.close();
  });

  test('on-record kinds can be switched on', async () => {
    await setSettings(env, { kinds: { organisation: true, named: true } });
    const { page, report } = await scanned('/news.html');
    assertMarkersMatchReport(await readHighlights(page), report, KINDS);
    await setSettings(env, {});
    await page.close();
  });
});

async function waitForOff(page, timeout = 10000) {
  const tabId = await tabIdOf(env, page);
  const deadline = Date.now() + timeout;
  for (;;) {
    const sw = await env.sw();
    const got = await sw.evaluate(async (id) => chrome.tabs.sendMessage(id, { type: 'state' }).catch(() => null), tabId);
    if (got && got.status === 'off') return got;
    if (Date.now() > deadline) throw new Error(`the page did not settle off: ${JSON.stringify(got)}`);
    await page.waitForTimeout(25);
  }
}

describe('layouts', () => {
  test('a claim split across <a>, <em> and <b> is one marker', async () => {
    const { page, report } = await scanned('/split.html');
    assertMarkersMatchReport(await readHighlights(page), report);
    const crossing = await page.evaluate(() => [...CSS.highlights].flatMap(([, h]) => [...h])
      .filter((r) => r.startContainer !== r.endContainer).map((r) => r.toString()));
    if (report.claims.some((c) => c.flag)) {
      assert.ok(crossing.length > 0, 'some marker crosses element boundaries');
      const texts = byKind(await readHighlights(page));
      const all = Object.values(texts).flat();
      assert.ok(all.some((t) => t.includes('short by four million pounds')), JSON.stringify(texts));
      // Keyboard: Tab to the first link, which is inside a marked claim, shows its tooltip.
      await page.keyboard.press('Tab');
      await waitForTooltip(page, 'Source');
    }
    await page.close();
  });

  test('a live blog that grows is re-scanned and the new post is painted', async () => {
    const { page, state, tabId } = await scanned('/live.html');
    const before = await readHighlights(page);
    await page.evaluate(() => window.addPost('Rescue teams reportedly reached the island shortly before midnight, officials said.'));
    const deadline = Date.now() + 10000;
    for (;;) {
      const { scanId } = await ask(env, { type: 'report', tabId });
      if (scanId && scanId !== state.scanId) break;
      assert.ok(Date.now() < deadline, 'the grown page was scanned again');
      await page.waitForTimeout(25);
    }
    await waitForScan(env, page);
    const { report } = await reportOf(env, tabId);
    assert.ok(report.length > 0);
    const { text } = await ask(env, { type: 'text', tabId });
    assert.ok(text.includes('Rescue teams reportedly reached the island'), 'the new post was read');
    assertMarkersMatchReport(await readHighlights(page), report);
    if (report.claims.some((c) => c.flag && c.sentence.text.includes('Rescue teams'))) {
      const all = Object.values(byKind(await readHighlights(page))).flat();
      assert.ok(all.some((t) => t.includes('Rescue teams')), 'the new post is marked');
      assert.ok(all.length > Object.values(byKind(before)).flat().length);
    }
    await page.close();
  });

  test('a page with a strict CSP (script-src \'self\') is marked', async () => {
    const { page, report, state } = await scanned('/csp/news.html');
    assert.equal(state.status, 'done');
    assertMarkersMatchReport(await readHighlights(page), report);
    await page.close();
  });

  test('a Spanish article is read as Spanish', async () => {
    const { page, report } = await scanned('/es.html');
    assertMarkersMatchReport(await readHighlights(page), report);
    if (report.claims.length) {
      assert.equal(report.language, 'es');
      const kinds = kindsOf(report);
      assert.ok((kinds.anonymous ?? []).some((s) => s.includes('fuentes conocedoras')), JSON.stringify(kinds));
    }
    await page.close();
  });

  test('each kind has its own underline style and colour, on light and dark pages', async () => {
    const { page } = await scanned('/news.html');
    const styles = await page.evaluate((kinds) => {
      const p = document.querySelector('article p');
      const out = {};
      for (const k of kinds) {
        for (const suffix of ['', '-dark']) {
          const cs = getComputedStyle(p, `::highlight(sourcelight-${k}${suffix})`);
          out[`${k}${suffix}`] = { line: cs.textDecorationLine, style: cs.textDecorationStyle, color: cs.textDecorationColor, bg: cs.backgroundColor };
        }
      }
      return out;
    }, KINDS);
    const flags = ['anonymous', 'vague', 'unverified', 'report'];
    for (const k of KINDS) {
      for (const suffix of ['', '-dark']) {
        const st = styles[`${k}${suffix}`];
        assert.equal(st.line, 'underline', `${k}${suffix} is underlined: ${JSON.stringify(st)}`);
        assert.notEqual(st.color, 'rgba(0, 0, 0, 0)');
      }
      assert.notEqual(styles[k].color, styles[`${k}-dark`].color, `${k} has its own dark-page colour`);
    }
    const flagStyles = flags.map((k) => styles[k].style);
    assert.equal(new Set(flagStyles).size, flags.length, `the four flags have four underline styles: ${flagStyles}`);
    assert.equal(new Set(KINDS.map((k) => styles[k].color)).size, KINDS.length, 'six colours');
    await page.close();
  });

  test('the language setting is passed to the core', async () => {
    await setSettings(env, { language: 'es' });
    const { page, report } = await scanned('/news.html');
    assert.equal(report.language, 'es', 'read as Spanish when the reader says so');
    await setSettings(env, {});
    await page.close();
  });

  test('a click in the popup list scrolls the page to the claim', async () => {
    const { page, tabId, report } = await scanned('/long.html');
    const flagged = report.claims.filter((c) => c.flag);
    if (!flagged.length) return;
    await page.evaluate(() => window.scrollTo(0, 0));
    const popup = await openPopup(env, tabId);
    await popup.locator('#claims li.claim button').last().click();
    await page.waitForFunction(() => CSS.highlights.get('sourcelight-flash')?.size === 1, null, { polling: 20 });
    const where = await page.evaluate(() => {
      const r = [...CSS.highlights.get('sourcelight-flash')][0].getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: innerHeight, scrolled: scrollY };
    });
    assert.ok(where.scrolled > 0 && where.top >= 0 && where.bottom <= where.height, JSON.stringify(where));
    await popup.close();
    await page.close();
  });

  test('a dark page gets the dark-page marker colours', async () => {
    const { page, report } = await scanned('/dark.html');
    const highlights = await readHighlights(page);
    assert.ok(highlights.length > 0 && highlights.every((h) => h.dark), highlights.map((h) => h.name).join());
    assertMarkersMatchReport(highlights, report);
    await page.close();
  });
});

describe('faults and lifecycle', () => {
  test('the service worker stopped by the browser: next requests restart it, nothing lost or doubled', async () => {
    const { page, tabId, report } = await scanned('/news.html');
    const before = byKind(await readHighlights(page));
    let sw = await env.sw();
    await sw.evaluate(() => { self.__sourcelightTestMarker = 1; });
    const internals = await env.context.newPage();
    await internals.goto('chrome://serviceworker-internals/');
    const registration = internals.locator('.serviceworker-registration', { hasText: env.extensionId });
    await registration.locator('cr-button[data-command="stop"]').first().click();
    await registration.locator('.serviceworker-running-status .value', { hasText: 'STOPPED' }).first().waitFor();
    await internals.close();
    // The popup asks for the report; the new worker has none and the page scans again.
    const popup = await openPopup(env, tabId);
    assert.equal(await popup.evaluate(() => document.body.dataset.ready), 'done');
    assert.equal(await popup.locator('[data-figure="claims"]').textContent(), String(report.summary.claims));
    await popup.close();
    sw = await env.sw();
    assert.equal(await sw.evaluate(() => self.__sourcelightTestMarker ?? null), null, 'a new worker is running');
    assert.deepEqual(byKind(await readHighlights(page)), before, 'same markers, none lost or doubled');
    if (report.summary.flagged) {
      await hoverMarker(page, report.claims.find((c) => c.flag).kind);
      await waitForTooltip(page, 'Source');
    }
    await page.close();
  });

  test('the content script injected twice paints once', async () => {
    const { page, tabId, report } = await scanned('/news.html');
    const first = (await ask(env, { type: 'report', tabId })).scanId;
    // Run the content scripts again in the extension's isolated world of this page, as a
    // second injection would (scripting.executeScript needs a user's click on the action).
    const cdp = await env.context.newCDPSession(page);
    const contexts = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const world = contexts.find((c) => c.origin?.startsWith('chrome-extension://') || c.name === 'Sourcelight');
    assert.ok(world, `the extension's isolated world: ${JSON.stringify(contexts.map((c) => [c.name, c.origin]))}`);
    for (const file of ['shared/page.js', 'content.js']) {
      const { exceptionDetails } = await cdp.send('Runtime.evaluate', {
        contextId: world.id, expression: readFileSync(join(EXTENSION, file), 'utf8'),
      });
      assert.equal(exceptionDetails, undefined, `${file} runs again: ${JSON.stringify(exceptionDetails)}`);
    }
    await cdp.detach();
    const deadline = Date.now() + 10000;
    for (;;) {
      await waitForScan(env, page);
      if ((await ask(env, { type: 'report', tabId })).scanId !== first) break; // the second copy has scanned
      assert.ok(Date.now() < deadline, 'the second copy scanned');
      await page.waitForTimeout(25);
    }
    await page.waitForFunction(() => [...CSS.highlights.keys()].some((n) => n.startsWith('sourcelight-')), null, { polling: 20 });
    assertMarkersMatchReport(await readHighlights(page), report);
    if (report.summary.flagged) {
      await hoverMarker(page, report.claims.find((c) => c.flag).kind);
      await waitForTooltip(page, 'Source');
    }
    assert.ok((await snapshot(page)).hosts <= 1, 'one tooltip host');
    await page.close();
  });
});

describe('hostile pages', () => {
  test('page text that looks like markup stays text in tooltips and the popup; nothing runs', async () => {
    const { page, tabId, report } = await scanned('/hostile.html');
    assertMarkersMatchReport(await readHighlights(page), report);
    const hostile = report.claims.find((c) => c.flag && c.sentence.text.includes('<img'));
    assert.ok(hostile || !report.claims.length, 'the core flags the sentence with markup in it');
    if (hostile) {
      await hoverMarker(page, hostile.kind);
      const tip = await waitForTooltip(page, 'Source');
      assert.ok(!/<img|<script/i.test(tip.html), 'no element made from page text in the tooltip');
      const popup = await openPopup(env, tabId);
      const list = await popup.evaluate(() => ({
        text: document.getElementById('claims').textContent,
        tags: [...document.getElementById('claims').querySelectorAll('*')].map((e) => e.tagName),
      }));
      assert.ok(list.text.includes('<img src=x onerror="window'), 'shown as text');
      assert.ok(!list.tags.includes('IMG') && !list.tags.includes('SCRIPT'));
      assert.equal(await popup.evaluate(() => window.__pwned ?? null), null);
      await popup.close();
    }
    assert.equal(await page.evaluate(() => window.__pwned ?? null), null, 'nothing from the page text ran');
    await page.close();
  });

  test('the page keeps working and cannot see the extension', async () => {
    const { page } = await scanned('/hostile.html');
    await page.click('#clicks');
    assert.equal(await page.evaluate(() => window.__clicks), 1, "the page's own click handler ran once");
    const selected = await page.evaluate(() => {
      const p = document.getElementById('clicks');
      const r = document.createRange();
      r.selectNodeContents(p);
      getSelection().removeAllRanges();
      getSelection().addRange(r);
      return getSelection().toString();
    });
    assert.equal(selected, 'Critics say the council ignored the warnings for months.', 'selection unchanged');
    const globals = await page.evaluate(() => ({
      page: typeof window.SourcelightPage, content: typeof window.__sourcelightContent,
      keys: Object.keys(window).filter((k) => /sourcelight/i.test(k)),
      hostShadow: document.querySelector('[data-sourcelight]')?.shadowRoot ?? null,
    }));
    assert.deepEqual(globals, { page: 'undefined', content: 'undefined', keys: [], hostShadow: null });
    await page.close();
  });

  // Pages that change under a scan, deep nesting, shadow roots, frames and editable areas:
  // tests/e2e/hostile.e2e.mjs.
  test('100,000 text nodes are read and marked', async () => {
    const { page, report, tabId, state } = await scanned('/nodes.html');
    assert.equal(state.status, 'done');
    const { text } = await ask(env, { type: 'text', tabId });
    assert.ok(text.length > 500, 'the text was read');
    assertMarkersMatchReport(await readHighlights(page), report);
    await page.close();
  });
});

describe('speed', () => {
  test('~2,000-word article: markers painted soon after the content script starts', async () => {
    // Warm the worker and the wasm once, as a reader's browser would have them.
    const warm = await scanned('/long.html');
    await warm.page.close();
    const { page, tabId, report } = await scanned('/long.html');
    const { timing } = await ask(env, { type: 'stats', tabId });
    assert.ok(timing && timing.sinceStartMs > 0, JSON.stringify(timing));
    console.log(`# 2,000-word article: ${timing.sinceStartMs.toFixed(1)} ms from content-script start to markers ` +
      `(collect ${timing.collectMs.toFixed(1)}, worker ${timing.roundTripMs.toFixed(1)} incl. analyze ${timing.analyzeMs.toFixed(1)}, paint ${timing.paintMs.toFixed(1)}), ${report.claims.length} claims`);
    assert.ok(timing.sinceStartMs < 500, 'well under half a second');
    await page.close();
  });

  test('1 MB article: no main-thread task over 50 ms while Sourcelight works', async () => {
    // The page loads and settles first (its own parsing and layout are not Sourcelight's);
    // then a scan is asked for, as the toolbar button does, and every long task until the
    // frame after the markers are painted is counted. Two tries: the better one counts, so
    // another process busy on this 2-core machine for a moment does not fail the test.
    await setSettings(env, { mode: 'click' });
    const tries = [];
    for (let attempt = 0; attempt < 2; attempt++) {
      const page = await open(env, '/big.html');
      await waitForOff(page);
      const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
      await frames();
      await page.evaluate(() => { window.__longtasks.length = 0; });
      const tabId = await tabIdOf(env, page);
      const sw = await env.sw();
      const state = await sw.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'scan-now' }), tabId);
      assert.equal(state.status, 'done');
      await frames();
      const { timing } = await ask(env, { type: 'stats', tabId });
      const { report } = await reportOf(env, tabId);
      const longtasks = await page.evaluate(() => window.__longtasks);
      const longest = Math.max(0, ...longtasks.map((t) => t.duration));
      console.log(`# 1 MB article: ${timing.textLength} UTF-16 units, ${report.claims.length} claims, ` +
        `${timing.scanMs.toFixed(0)} ms to markers (collect ${timing.collectMs.toFixed(0)}, worker ${timing.roundTripMs.toFixed(0)}, paint ${timing.paintMs.toFixed(0)}); ` +
        `longest slice of ours ${timing.longestSliceMs.toFixed(1)} ms; main-thread tasks over 50 ms: ${longtasks.map((t) => t.duration.toFixed(0)).join(', ') || 'none'}`);
      assert.ok(timing.textLength > 700_000, 'the whole article was read');
      assert.ok(timing.longestSliceMs <= 50, `our longest slice ${timing.longestSliceMs} ms`);
      tries.push(longest);
      await page.close();
      if (longest <= 50) break;
    }
    assert.ok(Math.min(...tries) <= 50, `longest task ${tries.join(' ms, then ')} ms`);
    await setSettings(env, {});
  });
});

describe('health', () => {
  test('no error from the extension\'s worker, pages or content scripts in this whole run', () => {
    assert.deepEqual(env.errors, []);
  });
});
