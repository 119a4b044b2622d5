// Classroom features end to end, in Chromium: lesson mode (choose sentences, Check, score and
// feedback) on the www demo and in the extension, and the print view (handout) rendered to PDF,
// in English and Spanish. Every wait is on a condition, never a fixed sleep.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import {
  CHROMIUM, FIXTURES, ROOT, ask, launch, open, openPopup, readHighlights, readTooltip, reportOf, setSettings, snapshot,
  waitForScan,
} from './helpers.mjs';

const { initSync, analyze } = await import(join(ROOT, 'dist', 'pkg', 'sourcelight.js'));
initSync({ module: readFileSync(join(ROOT, 'dist', 'pkg', 'sourcelight_bg.wasm')) });
const { lessonSentences, scoreLesson } = await import(join(ROOT, 'extension', 'shared', 'lesson.js'));
const { QUESTIONS } = await import(join(ROOT, 'extension', 'shared', 'handout.js'));
const messages = (lang) => JSON.parse(readFileSync(join(ROOT, 'extension', '_locales', lang, 'messages.json'), 'utf8'));
const EN = messages('en');
const ES = messages('es');
const msg = (m, key, ...subs) => m[key].message.replace(/\$[A-Z]+\$/g, () => String(subs.shift() ?? ''));

const LESSON_TEXT = readFileSync(join(FIXTURES, 'lesson.txt'), 'utf8');
const RIGHT = 'people familiar with the budget talks said on Monday'; // anonymous: a right choice
const WRONG = '“We have not made any decision yet,” said Carla Mendes'; // on the record: not a flag
const PDFTOTEXT = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => existsSync(p)) ?? null;
if (!PDFTOTEXT) console.log('# classroom: no pdftotext (make install-poppler): the PDF is checked for its page count, the handout by its page text');

let tmp;
before(() => { tmp = mkdtempSync(join(tmpdir(), 'sourcelight-classroom-')); });
after(() => { if (tmp) rmSync(tmp, { recursive: true, force: true }); });

/** Viewport point in the middle of the first few characters of `needle` in the page's text. */
async function pointAt(page, needle) {
  const p = await page.evaluate((n) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const i = t.data.indexOf(n);
      if (i < 0) continue;
      t.parentElement.scrollIntoView({ block: 'center' });
      const r = document.createRange();
      r.setStart(t, i + 2);
      r.setEnd(t, i + 8);
      const rect = r.getClientRects()[0];
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, needle);
  if (!p) throw new Error(`"${needle}" is not on the page`);
  return p;
}

/** The texts of the `lesson-chosen` highlight's ranges. */
function chosenTexts(page) {
  return page.evaluate(() => [...(CSS.highlights.get('lesson-chosen') ?? [])].map((r) => r.toString()));
}

/** Sourcelight's marker highlights (the lesson's own highlight is not a marker). */
async function markerCount(page) {
  return (await readHighlights(page)).reduce((n, h) => n + h.texts.length, 0);
}

/** A PDF's page count and text (pdftotext from poppler-utils when installed). */
function readPdf(buffer) {
  assert.ok(buffer.length > 1000, `a PDF of ${buffer.length} bytes`);
  const raw = buffer.toString('latin1');
  assert.ok(raw.startsWith('%PDF-'), 'a PDF file');
  const pages = (raw.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  assert.ok(pages >= 1, `${pages} pages`);
  if (!PDFTOTEXT) return { pages, text: null };
  const file = join(tmp, `handout-${Date.now()}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, buffer);
  const text = execFileSync(PDFTOTEXT, ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return { pages, text: text.replace(/\s+/g, ' ') };
}

const squash = (s) => String(s).replace(/\s+/g, ' ').trim();

/** Checks a handout page against the core's report on the same text. */
async function assertHandout(page, report, ui) {
  await page.waitForSelector('body[data-ready="done"]', { timeout: 15000 });
  const flagged = report.claims.filter((c) => c.flag);
  assert.ok(flagged.length >= 2, 'the article has flagged claims to number');
  const dom = await page.evaluate(() => ({
    refs: [...document.querySelectorAll('.handout-article [data-ref]')].map((e) => e.textContent),
    notes: [...document.querySelectorAll('.handout-notes .note')].map((e) => e.textContent),
    text: document.getElementById('handout').innerText,
    lang: document.querySelector('.handout-article').lang,
    scripts: document.querySelectorAll('#handout script, #handout [onerror], #handout [onclick]').length,
  }));
  assert.deepEqual(dom.refs, flagged.map((_, i) => `[${i + 1}]`), 'a numbered marker after each flagged claim, in order');
  assert.equal(dom.notes.length, flagged.length, 'one note per number');
  assert.equal(dom.lang, report.language, "the article keeps the report's language");
  assert.equal(dom.scripts, 0);
  flagged.forEach((c, i) => {
    const note = squash(dom.notes[i]);
    assert.ok(note.startsWith(`[${i + 1}]`), note);
    assert.ok(note.includes(ui[`kind_${c.kind}`].message), `note ${i + 1} names the kind`);
    assert.ok(note.includes(squash(c.explanation)), `note ${i + 1} has the explanation`);
    for (const q of QUESTIONS[c.kind]) assert.ok(note.includes(ui[q].message), `note ${i + 1} asks ${q}`);
  });
  // Each number sits right after its claim's sentence in the article text.
  const first = flagged[0];
  const text = squash(dom.text);
  const escape = (x) => x.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
  flagged.forEach((c, i) => {
    const tail = squash(c.sentence.text).slice(-15);
    const after = new RegExp(escape(tail) + String.raw`\s*(\[\d+\]\s*)*\[` + (i + 1) + String.raw`\]`);
    assert.ok(after.test(text), `[${i + 1}] after "${tail}"`);
  });

  await page.emulateMedia({ media: 'print' });
  const hiddenBar = await page.evaluate(() => getComputedStyle(document.querySelector('.handout-bar')).display);
  assert.equal(hiddenBar, 'none', '@media print hides the buttons');
  await page.emulateMedia({ media: 'screen' });
  const pdf = readPdf(await page.pdf({ format: 'A4', printBackground: false }));
  if (pdf.text) {
    assert.ok(pdf.text.includes('[1]') && pdf.text.includes(`[${flagged.length}]`), 'the PDF has the numbered markers');
    assert.ok(pdf.text.includes(ui.print_notes.message), 'the PDF has the notes');
    assert.ok(pdf.text.includes(squash(ui.q_confirm.message)), 'the PDF asks the questions');
    assert.ok(pdf.text.includes(squash(first.explanation).slice(0, 30)), 'the PDF has the explanations');
  }
  return pdf;
}

// ---- the www demo -------------------------------------------------------------------------------

describe('the demo', () => {
  let server;
  let browser;
  const outside = [];

  before(async () => {
    server = await startServer({ root: join(ROOT, 'dist', 'www') });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function demoPage(query = '', locale = 'en-US') {
    const context = await browser.newContext({ locale });
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

  test('lesson mode: choose one right and one wrong sentence, Check, score and feedback', async () => {
    const { page, context, errors } = await demoPage();
    await page.check('#lesson-mode');
    await page.fill('#text', LESSON_TEXT);
    await page.click('#analyze');
    await page.waitForSelector('body[data-ready][data-lesson="choosing"]');
    assert.equal(await markerCount(page), 0, 'markers hidden during the lesson');
    assert.equal(await page.isVisible('#summary'), false, 'the summary would give the answers away');

    // The core's answer, from Node, on the text the demo read.
    const text = await page.evaluate(async () => (await globalThis.SourcelightPage.collectText(document.getElementById('article'))).text);
    const report = analyze(text, { language: 'auto' });
    const sentences = lessonSentences(text, report);
    const at = (needle) => sentences.findIndex(([s, e]) => text.slice(s, e).includes(needle));
    const expected = scoreLesson(text, report, [sentences[at(RIGHT)], sentences[at(WRONG)]]);
    assert.deepEqual({ ...expected.counts }, { found: 1, missed: 1, notFlag: 1, chosen: 2, target: 2 });

    // The right one with a click in the article…
    const p = await pointAt(page, RIGHT);
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction(() => CSS.highlights.get('lesson-chosen')?.size === 1, null, { polling: 20 });
    assert.ok((await chosenTexts(page))[0].includes(RIGHT));
    // …a click on it again takes it back, and once more chooses it.
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction(() => !CSS.highlights.has('lesson-chosen'), null, { polling: 20 });
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction(() => CSS.highlights.get('lesson-chosen')?.size === 1, null, { polling: 20 });
    // …the wrong one with the keyboard, from the list.
    await page.focus('#lesson summary');
    await page.keyboard.press('Enter');
    const wrong = page.locator(`#lesson button[data-sentence="${at(WRONG)}"]`);
    await wrong.waitFor();
    await wrong.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => CSS.highlights.get('lesson-chosen')?.size === 2, null, { polling: 20 });
    assert.equal(await wrong.getAttribute('aria-pressed'), 'true');
    const chosen = await chosenTexts(page);
    assert.ok(chosen.some((c) => c.includes('Carla Mendes')), JSON.stringify(chosen));
    assert.equal(await page.textContent('[data-lesson-figure="chosen"]'), msg(EN, 'lesson_chosen', 2));
    assert.equal(await markerCount(page), 0, 'still hidden before Check');

    await page.click('[data-lesson-action="check"]');
    await page.waitForSelector('body[data-lesson="checked"]');
    const fig = (name) => page.textContent(`[data-lesson-figure="${name}"]`);
    assert.equal(await fig('found'), msg(EN, 'lesson_found', 1));
    assert.equal(await fig('missed'), msg(EN, 'lesson_missed', 1));
    assert.equal(await fig('notFlag'), msg(EN, 'lesson_notFlag', 1));
    const items = await page.$$eval('#lesson li[data-verdict]', (lis) => lis.map((li) => ({ verdict: li.dataset.verdict, text: li.textContent })));
    assert.deepEqual(items.map((i) => i.verdict), expected.items.map((i) => i.verdict));
    for (const [i, item] of expected.items.entries()) {
      assert.ok(items[i].text.includes(item.text), `feedback quotes the sentence: ${item.text}`);
      for (const c of item.claims) assert.ok(items[i].text.includes(c.explanation), `feedback explains: ${c.explanation}`);
    }
    const found = items.find((i) => i.verdict === 'found');
    assert.ok(found.text.includes('Anonymous source') && found.text.includes(msg(EN, 'lesson_verdict_found')), found.text);
    const missed = items.find((i) => i.verdict === 'missed');
    assert.ok(missed.text.includes('Some parents'), missed.text);

    // Check reveals the markers and the summary.
    await page.waitForFunction(() => [...CSS.highlights.keys()].some((n) => n.startsWith('sourcelight-')), null, { polling: 20 });
    const painted = await readHighlights(page);
    assert.ok(painted.some((h) => h.kind === 'anonymous' && h.texts.some((t) => t.includes('budget talks'))));
    assert.equal(await page.isVisible('#summary'), true);
    // A click in the article no longer changes the choice once checked.
    await page.mouse.click(p.x, p.y);
    assert.equal((await chosenTexts(page)).length, 2);
    // "Try again" starts over, markers hidden again.
    await page.click('[data-lesson-action="again"]');
    await page.waitForSelector('body[data-lesson="choosing"]');
    assert.equal(await markerCount(page), 0);
    assert.deepEqual(await chosenTexts(page), []);
    // Lesson off: markers as usual.
    await page.uncheck('#lesson-mode');
    await page.waitForSelector('body[data-lesson="off"]');
    assert.ok(await markerCount(page) > 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('print view in English: numbered markers, explanations and questions, rendered to PDF', async () => {
    const { page, context, errors } = await demoPage();
    await page.fill('#text', LESSON_TEXT);
    await page.click('#analyze');
    await page.waitForSelector('body[data-ready]');
    const [printPage] = await Promise.all([context.waitForEvent('page'), page.click('#print')]);
    const printErrors = [];
    printPage.on('pageerror', (e) => printErrors.push(e.message));
    const text = await page.evaluate(async () => (await globalThis.SourcelightPage.collectText(document.getElementById('article'))).text);
    const report = analyze(text, { language: 'auto' });
    await assertHandout(printPage, report, EN);
    assert.equal(await printPage.textContent('.handout-head h1'), 'School board weighs closing two libraries');
    assert.equal(await printPage.evaluate(() => document.documentElement.lang), 'en');
    assert.deepEqual([...errors, ...printErrors], []);
    await context.close();
  });

  test('print view in Spanish: a Spanish reader and a Spanish article', async () => {
    const { page, context, errors } = await demoPage('?sample=puerto', 'es-ES');
    await page.waitForSelector('body[data-ready]');
    const [printPage] = await Promise.all([context.waitForEvent('page'), page.click('#print')]);
    const text = await page.evaluate(async () => (await globalThis.SourcelightPage.collectText(document.getElementById('article'))).text);
    const report = analyze(text, { language: 'auto' });
    assert.equal(report.language, 'es');
    await assertHandout(printPage, report, ES);
    assert.equal(await printPage.evaluate(() => document.documentElement.lang), 'es');
    assert.equal(await printPage.textContent('#print'), ES.print_print.message);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('lesson mode in Spanish: the panel speaks Spanish, the feedback is the article\'s', async () => {
    const { page, context, errors } = await demoPage('?sample=puerto', 'es-ES');
    await page.waitForSelector('body[data-ready]');
    await page.check('#lesson-mode');
    await page.waitForSelector('body[data-lesson="choosing"]');
    assert.equal(await page.textContent('[data-lesson-action="check"]'), ES.lesson_check.message);
    await page.click('[data-lesson-action="check"]');
    await page.waitForSelector('body[data-lesson="checked"]');
    const text = await page.evaluate(async () => (await globalThis.SourcelightPage.collectText(document.getElementById('article'))).text);
    const report = analyze(text, { language: 'auto' });
    const expected = scoreLesson(text, report, []);
    assert.ok(expected.counts.missed >= 1);
    assert.equal(await page.textContent('[data-lesson-figure="missed"]'), msg(ES, 'lesson_missed', expected.counts.missed));
    const feedback = await page.textContent('#lesson .items');
    for (const item of expected.items) for (const c of item.claims) assert.ok(feedback.includes(c.explanation), c.explanation);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('markup in the article stays text in the lesson panel and the handout; nothing runs', async () => {
    const { page, context, errors } = await demoPage();
    const hostile = 'Critics say <img src=x onerror="window.__pwned=1"> was rushed.\n\n'
      + 'A resident wrote "><script>window.__pwned=2</script> on a sign, sources familiar with the matter said.';
    await page.check('#lesson-mode');
    await page.fill('#text', hostile);
    await page.click('#analyze');
    await page.waitForSelector('body[data-ready][data-lesson="choosing"]');
    await page.click('#lesson summary');
    await page.locator('#lesson button[data-sentence="0"]').click();
    await page.click('[data-lesson-action="check"]');
    await page.waitForSelector('body[data-lesson="checked"]');
    const lesson = await page.evaluate(() => ({
      text: document.getElementById('lesson').textContent,
      tags: [...document.querySelectorAll('#lesson *')].map((e) => e.tagName),
      pwned: window.__pwned ?? null,
    }));
    assert.ok(lesson.text.includes('<img src=x onerror="window.__pwned=1">'), 'markup stays text');
    for (const tag of ['IMG', 'SCRIPT']) assert.ok(!lesson.tags.includes(tag), `no ${tag} in the panel`);
    const [printPage] = await Promise.all([context.waitForEvent('page'), page.click('#print')]);
    await printPage.waitForSelector('body[data-ready="done"]');
    const handout = await printPage.evaluate(() => ({
      text: document.getElementById('handout').textContent,
      tags: [...document.querySelectorAll('#handout *')].map((e) => e.tagName),
      pwned: window.__pwned ?? null,
    }));
    assert.ok(handout.text.includes('<script>window.__pwned=2</script>'), 'markup stays text');
    for (const tag of ['IMG', 'SCRIPT']) assert.ok(!handout.tags.includes(tag), `no ${tag} in the handout`);
    assert.equal(lesson.pwned, null);
    assert.equal(handout.pwned, null);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the demo pages make no request outside their own static files', () => {
    assert.deepEqual(outside, []);
  });
});

// ---- the extension --------------------------------------------------------------------------------

/** A node in the tooltip host's closed shadow root, over the DevTools protocol. */
async function shadowNode(page, cdp, selector) {
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  let shadow = null;
  const visit = (n) => {
    if (shadow) return;
    const attrs = n.attributes ?? [];
    for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === 'data-sourcelight' && n.shadowRoots?.length) { shadow = n.shadowRoots[0]; return; }
    for (const c of n.children ?? []) visit(c);
  };
  visit(root);
  if (!shadow) return null;
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: shadow.nodeId, selector });
  return nodeId || null;
}

describe('the extension', () => {
  let env;
  before(async () => { env = await launch(); });
  after(async () => { await env?.close(); });

  test('options page: lesson mode is a setting; a corrupt value falls back to off', async () => {
    await setSettings(env, { lesson: 'yes', classroom: 3 });
    const options = await env.context.newPage();
    await options.goto(`chrome-extension://${env.extensionId}/options.html`);
    await options.waitForSelector('body[data-ready]');
    assert.equal(await options.isChecked('#lesson'), false, 'corrupt: off');
    await options.check('#lesson');
    await options.waitForSelector('body[data-saved]');
    const sw = await env.sw();
    const stored = await sw.evaluate(async () => (await chrome.storage.sync.get('settings')).settings);
    assert.equal(stored.lesson, true);
    assert.equal(stored.classroom, false);
    await options.close();
    await setSettings(env, {});
  });

  test('lesson mode on a page: markers hidden, click and keyboard choices, Check from the popup, DOM unchanged', async () => {
    await setSettings(env, { lesson: true });
    await env.context.addInitScript(() => {
      if (!location.protocol.startsWith('http')) return;
      document.addEventListener('DOMContentLoaded', () => { window.__before = document.documentElement.outerHTML; }, { once: true });
    });
    const page = await open(env, '/news.html');
    const state = await waitForScan(env, page);
    assert.equal(state.status, 'done');
    assert.equal(state.lesson.on, true);
    assert.equal(await markerCount(page), 0, 'no markers before Check');
    const { report } = await reportOf(env, state.tabId);
    const { text } = await ask(env, { type: 'text', tabId: state.tabId });
    const sentences = lessonSentences(text, report);
    const at = (needle) => sentences.findIndex(([s, e]) => text.slice(s, e).includes(needle));
    const right = 'people familiar with the negotiations';
    const wrong = 'Mayor Dana Whitfield said Monday';
    assert.ok(at(right) >= 0 && at(wrong) >= 0);
    const expected = scoreLesson(text, report, [sentences[at(right)], sentences[at(wrong)]]);
    assert.equal(expected.counts.found, 1);
    assert.equal(expected.counts.notFlag, 1);

    // The popup, before Check: no summary to give the answer away, a Check button.
    let popup = await openPopup(env, state.tabId);
    assert.equal(await popup.isVisible('#summary-box'), false);
    assert.equal(await popup.isVisible('#lesson-check'), true);
    await popup.close();

    // A click on the page chooses a sentence (hit-tested, shown with its own highlight).
    await page.bringToFront();
    const p = await pointAt(page, right);
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction(() => CSS.highlights.get('lesson-chosen')?.size === 1, null, { polling: 20 });
    assert.ok((await chosenTexts(page))[0].includes(right));

    // The keyboard: the panel's list in the tooltip host's closed shadow root.
    const cdp = await page.context().newCDPSession(page);
    const summary = await shadowNode(page, cdp, 'details summary');
    assert.ok(summary, 'the lesson panel is in the shadow root');
    await cdp.send('DOM.focus', { nodeId: summary });
    await page.keyboard.press('Enter');
    let button = null;
    for (let i = 0; i < 200 && !button; i++) {
      button = await shadowNode(page, cdp, `button[data-sentence="${at(wrong)}"]`);
      if (!button) await page.waitForTimeout(25); // polling a condition
    }
    assert.ok(button, 'the list opened');
    await cdp.send('DOM.focus', { nodeId: button });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => CSS.highlights.get('lesson-chosen')?.size === 2, null, { polling: 20 });
    // The floating panel folds down to its title, and back.
    await cdp.send('DOM.focus', { nodeId: await shadowNode(page, cdp, '.fold') });
    await page.keyboard.press('Enter');
    assert.ok(/class="sl-lesson floating[^"]*folded/.test((await readTooltip(page)).html), 'folded');
    await page.keyboard.press('Enter');
    assert.ok(!/folded/.test((await readTooltip(page)).html), 'unfolded');
    await cdp.detach();
    const chosen = await chosenTexts(page);
    assert.ok(chosen.some((c) => c.includes(wrong)), JSON.stringify(chosen));
    assert.equal(await markerCount(page), 0, 'still hidden');

    // Check from the popup: the score there, the markers revealed, feedback in the panel.
    popup = await openPopup(env, state.tabId);
    assert.equal(await popup.textContent('#lesson-chosen'), msg(EN, 'lesson_chosen', 2));
    await popup.click('#lesson-check');
    await popup.waitForSelector('#lesson-score:not([hidden])');
    const fig = (name) => popup.textContent(`[data-figure="lesson_${name}"]`);
    assert.equal(await fig('found'), String(expected.counts.found));
    assert.equal(await fig('missed'), String(expected.counts.missed));
    assert.equal(await fig('notFlag'), String(expected.counts.notFlag));
    assert.equal(await popup.isVisible('#summary-box'), true, 'the summary after Check');
    await page.waitForFunction(() => [...CSS.highlights.keys()].some((n) => n.startsWith('sourcelight-')), null, { polling: 20 });
    const tip = await readTooltip(page);
    assert.ok(tip && tip.closed);
    for (const item of expected.items) for (const c of item.claims) assert.ok(tip.text.includes(c.explanation.slice(0, 60)), c.explanation);
    assert.ok(tip.text.includes(msg(EN, 'lesson_found', 1)), tip.text.slice(0, 200));
    const { lesson } = await reportOf(env, state.tabId);
    assert.deepEqual(lesson.counts, expected.counts, 'the worker keeps the score');

    const now = await snapshot(page);
    const before = await page.evaluate(() => window.__before);
    assert.equal(now.html, before, 'DOM serialisation identical apart from the tooltip host');
    assert.equal(now.hosts, 1, 'one host holds the panel and the tooltip');
    await popup.close();
    await setSettings(env, {});
    await page.waitForFunction(() => !CSS.highlights.has('lesson-chosen'), null, { polling: 20 });
    await page.close();
  });

  test('lesson mode on a live blog: a choice follows its sentence when a post is added on top', async () => {
    await setSettings(env, { lesson: true });
    const page = await open(env, '/live.html');
    const state = await waitForScan(env, page);
    const needle = 'Two emergency workers who asked not to be named';
    const p = await pointAt(page, needle);
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction(() => CSS.highlights.get('lesson-chosen')?.size === 1, null, { polling: 20 });
    await page.evaluate(() => window.addPost('Officials said the bridge will reopen on Friday, the mayor\'s office confirmed.'));
    const deadline = Date.now() + 10000;
    for (;;) {
      const { scanId } = await ask(env, { type: 'report', tabId: state.tabId });
      if (scanId && scanId !== state.scanId) break;
      assert.ok(Date.now() < deadline, 'the grown page was scanned again');
      await page.waitForTimeout(25); // polling a condition
    }
    const again = await waitForScan(env, page);
    assert.equal(again.lesson.chosen, 1);
    const chosen = await chosenTexts(page);
    assert.equal(chosen.length, 1);
    assert.ok(chosen[0].startsWith(needle), chosen[0]);
    assert.equal(await markerCount(page), 0);
    await setSettings(env, {});
    await page.waitForFunction(() => !CSS.highlights.has('lesson-chosen'), null, { polling: 20 });
    await page.close();
  });

  test('print handout from the popup: a Spanish article, English interface, rendered to PDF', async () => {
    const page = await open(env, '/es.html');
    const state = await waitForScan(env, page);
    const { report } = await reportOf(env, state.tabId);
    const popup = await openPopup(env, state.tabId);
    const [printPage] = await Promise.all([env.context.waitForEvent('page'), popup.click('#print')]);
    assert.ok(printPage.url().startsWith(`chrome-extension://${env.extensionId}/print.html?tab=`));
    await assertHandout(printPage, report, EN);
    assert.equal(report.language, 'es');
    assert.equal(await printPage.textContent('.handout-head h1'), 'El Ayuntamiento negocia la venta del puerto');
    await printPage.close();
    await popup.close();
    await page.close();
  });

  test('no error from the extension and no request leaving the machine', () => {
    assert.deepEqual(env.errors, []);
    assert.deepEqual(env.proxy.leaks(), []);
  });
});
