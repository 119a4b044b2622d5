// Smoke test in Firefox ESR: geckodriver (WebDriver) installs dist/firefox as a temporary
// add-on; the extension loads and marks the news fixture. Skipped, with a message, when
// firefox-esr or geckodriver is not installed (`make install-firefox` installs both).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { FIXTURES, ROOT } from './helpers.mjs';
import { startServer } from '../../scripts/serve.mjs';

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const GECKODRIVER = process.env.GECKODRIVER ?? [join(homedir(), '.cargo', 'bin', 'geckodriver'), '/usr/local/bin/geckodriver', '/usr/bin/geckodriver'].find(existsSync);
const EXTENSION = join(ROOT, 'dist', 'firefox');
const missing = !existsSync(FIREFOX) ? `${FIREFOX} is missing` : !GECKODRIVER ? 'geckodriver is missing' : null;

// The extension's internal UUID is random per profile; this pref fixes it, so that the test can
// open the extension's options page (moz-extension://<uuid>/options.html).
const ADDON_ID = 'sourcelight@sourcelight.invalid';
const UUID = '5f1c2b9e-7a3d-4e2f-9b61-0c8d4a7e3f21';

let driver;
let installed = false;
let server;
let base;
let session;
let profile;

async function freePort() {
  return new Promise((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

async function wd(method, path, body) {
  const res = await fetch(`${base}${path}`, {
    method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (json.value && json.value.error) throw new Error(`${path}: ${json.value.error}: ${json.value.message}`);
  return json.value;
}

async function waitFor(fn, timeout = 30000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const got = await fn();
    if (got) return got;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50)); // polling interval of a condition wait
  }
}

before(async () => {
  if (missing) return;
  server = await startServer({ root: FIXTURES });
  const port = await freePort();
  profile = mkdtempSync(join(tmpdir(), 'sourcelight-ff-'));
  // --allow-system-access: the lesson test opens the extension's options page from the
  // browser's own (chrome) context, since WebDriver may not send a tab to moz-extension:// URLs.
  driver = spawn(GECKODRIVER, ['--host', '127.0.0.1', '--port', String(port), '--allow-system-access'], { stdio: 'ignore' });
  base = `http://127.0.0.1:${port}`;
  await waitFor(async () => fetch(`${base}/status`).then((r) => r.ok, () => false), 15000);
  const created = await wd('POST', '/session', {
    capabilities: {
      alwaysMatch: {
        browserName: 'firefox',
        'moz:firefoxOptions': {
          binary: FIREFOX,
          args: ['-headless', '-profile', profile],
          prefs: {
            'network.proxy.type': 0, 'app.update.enabled': false, 'browser.shell.checkDefaultBrowser': false,
            'extensions.update.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false,
            'toolkit.telemetry.enabled': false, 'browser.safebrowsing.malware.enabled': false,
            'browser.safebrowsing.phishing.enabled': false, 'extensions.webextensions.restrictedDomains': '',
            'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
          },
        },
      },
    },
  });
  session = created.sessionId;
});

after(async () => {
  if (session) await wd('DELETE', `/session/${session}`).catch(() => {});
  driver?.kill();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Installs dist/firefox as a temporary add-on, once per session. */
async function install() {
  if (installed) return;
  await wd('POST', `/session/${session}/moz/addon/install`, { path: EXTENSION, temporary: true });
  installed = true;
}

test('Firefox ESR: the extension loads and marks the fixture article', async (t) => {
  if (missing) { t.skip(`${missing}: Firefox smoke test skipped (make install-firefox)`); return; }
  await install();
  await wd('POST', `/session/${session}/url`, { url: `${server.url}/news.html` });
  const names = await waitFor(() => wd('POST', `/session/${session}/execute/sync`, {
    script: `const out = [];
      for (const [name, h] of CSS.highlights) if (name.startsWith('sourcelight-') && h.size) out.push([name, h.size]);
      return out.length ? out : null;`,
    args: [],
  }));
  const kinds = Object.fromEntries(names);
  assert.ok(kinds['sourcelight-anonymous'] > 0, JSON.stringify(kinds));
  const outside = await wd('POST', `/session/${session}/execute/sync`, {
    script: `const a = document.querySelector('article');
      return [...CSS.highlights].filter(([n]) => n.startsWith('sourcelight-')).flatMap(([, h]) => [...h])
        .filter((r) => !a.contains(r.commonAncestorContainer)).length;`,
    args: [],
  });
  assert.equal(outside, 0, 'markers only inside the article');
});

test('Firefox ESR: lesson mode hides the markers and a click on a sentence chooses it', async (t) => {
  if (missing) { t.skip(`${missing}: Firefox lesson test skipped (make install-firefox)`); return; }
  const run = (script, args = []) => wd('POST', `/session/${session}/execute/sync`, { script, args });
  const find = async (css) => (await wd('POST', `/session/${session}/element`, { using: 'css selector', value: css }));
  const elementId = (el) => el[Object.keys(el).find((k) => k.startsWith('element-'))];
  // Lesson mode on, from the options page, opened in a new tab from the browser's chrome context.
  await install();
  const page = await wd('GET', `/session/${session}/window`);
  await wd('POST', `/session/${session}/moz/context`, { context: 'chrome' });
  await run(`const win = Services.wm.getMostRecentWindow('navigator:browser');
    const tab = win.gBrowser.addTab(arguments[0], { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
    win.gBrowser.selectedTab = tab;`, [`moz-extension://${UUID}/options.html`]);
  await wd('POST', `/session/${session}/moz/context`, { context: 'content' });
  const handles = await wd('GET', `/session/${session}/window/handles`);
  const options = handles.find((h) => h !== page);
  await wd('POST', `/session/${session}/window`, { handle: options });
  await waitFor(() => run('return !!document.body.dataset.ready && !!document.getElementById("lesson");'));
  if (!(await run('return document.getElementById("lesson").checked;'))) {
    await wd('POST', `/session/${session}/element/${elementId(await find('#lesson'))}/click`, {});
  }
  await waitFor(() => run('return document.getElementById("lesson").checked;'));
  const stored = await wd('POST', `/session/${session}/execute/async`, {
    script: 'const done = arguments[0]; browser.storage.sync.get("settings").then((s) => done(!!(s.settings && s.settings.lesson)), () => done(null));', args: [],
  });
  assert.equal(stored, true, 'lesson mode saved');
  await wd('DELETE', `/session/${session}/window`);
  await wd('POST', `/session/${session}/window`, { handle: page });

  await wd('POST', `/session/${session}/url`, { url: `${server.url}/news.html` });
  // The lesson panel is up (the tooltip host holds it) and no marker is shown before Check.
  await waitFor(() => run('return !!document.querySelector("[data-sourcelight]");'));
  const markers = await run(`let n = 0; for (const [name, h] of CSS.highlights) if (name.startsWith('sourcelight-')) n += h.size; return n;`);
  assert.equal(markers, 0, 'markers hidden while the lesson is answered');
  // A click on a sentence chooses it: Firefox's caretPositionFromPoint hit test.
  const point = await run(`const p = document.querySelectorAll('article p')[1];
    p.scrollIntoView({ block: 'center' });
    const text = p.firstChild; const at = text.data.indexOf('familiar');
    const r = document.createRange(); r.setStart(text, at); r.setEnd(text, at + 8);
    const box = r.getClientRects()[0];
    return { x: Math.round(box.left + box.width / 2), y: Math.round(box.top + box.height / 2) };`);
  await wd('POST', `/session/${session}/actions`, {
    actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
      { type: 'pointerMove', x: point.x, y: point.y, origin: 'viewport' },
      { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 },
    ] }],
  });
  const chosen = await waitFor(() => run(`const h = CSS.highlights.get('lesson-chosen');
    return h && h.size ? [...h].map((r) => r.toString()) : null;`));
  assert.equal(chosen.length, 1, JSON.stringify(chosen));
  assert.ok(chosen[0].includes('people familiar with the negotiations'), chosen[0]);
  // A second click takes the choice back: the highlight it registered is unregistered (the
  // registry hands back the very object the content script registered, through Firefox's Xrays).
  await wd('POST', `/session/${session}/actions`, {
    actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
      { type: 'pointerMove', x: point.x, y: point.y, origin: 'viewport' },
      { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 },
    ] }],
  });
  await waitFor(() => run(`return !CSS.highlights.has('lesson-chosen');`));
  // The page itself is unchanged: its paragraph has the same text and no added element.
  const same = await run(`const p = document.querySelectorAll('article p')[1];
    return p.children.length === 0 && p.textContent.startsWith('The sale of the old container terminal');`);
  assert.equal(same, true);
});
