// Shared helpers of the end-to-end tests: a browser with the real unpacked extension,
// a fixture server on 127.0.0.1, a counting proxy that every browser request goes
// through, and readers for markers (CSS.highlights), tooltips (closed shadow root, read
// over the DevTools protocol), the badge and the service worker.
import { createServer, request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXTENSION = join(ROOT, 'dist', 'chromium');
export const FIXTURES = join(ROOT, 'tests', 'e2e', 'fixtures');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const KINDS = ['anonymous', 'vague', 'unverified', 'report', 'organisation', 'named'];

const BROWSER_OWN = /(^|\.)(google|googleapis|gstatic|gvt1|gvt2|googleusercontent)\.com(:\d+)?$/;

/**
 * A forward proxy that counts every request the browser makes and lets through only
 * those to `allowHost` (the fixture server), or to one of `aliases` (other host names for
 * the same server: a second origin for cross-origin frames). Anything else is a request
 * leaving the machine.
 */
export async function startProxy(allowHost, aliases = []) {
  const seen = [];
  const allowed = new Set([allowHost, ...aliases]);
  const [serverHost, serverPort] = allowHost.split(':');
  const server = createServer((req, res) => {
    let url;
    try { url = new URL(req.url); } catch { res.writeHead(400).end(); return; }
    seen.push({ method: req.method, url: req.url, host: url.host });
    if (!allowed.has(url.host)) { res.writeHead(403).end('blocked by test proxy'); return; }
    const up = httpRequest({ host: serverHost, port: serverPort, path: url.pathname + url.search, method: req.method, headers: req.headers },
      (r) => { res.writeHead(r.statusCode, r.headers); r.pipe(res); });
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  server.on('connect', (req, socket) => {
    seen.push({ method: 'CONNECT', url: req.url, host: req.url });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: server.address().port,
    seen,
    /**
     * Requests to anything but the fixture server, less Chromium's own background calls to
     * Google's services (update checks, autofill, account sign-in), which happen with or
     * without the extension. Requests made by the extension's own contexts are checked
     * separately, from the browser's side (see `watchRequests`).
     */
    leaks: () => seen.filter((r) => !allowed.has(r.host) && !BROWSER_OWN.test(r.host)),
    all: () => seen.filter((r) => !allowed.has(r.host)),
    close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(done); }),
  };
}

/**
 * Launches Chromium with the unpacked extension from dist/chromium and a fixture server.
 * `headers(pathname)` adds response headers (a CSP); `routes` adds generated pages.
 * The same server is also reachable as `env.otherOrigin` (http://localhost:<port>), a
 * different origin for cross-origin frames.
 */
export async function launch({ headers, routes, root = FIXTURES, extension = EXTENSION, args = [] } = {}) {
  if (!existsSync(join(extension, 'manifest.json'))) throw new Error(`${extension} is missing: run \`make dist\``);
  const server = await startServer({ root, headers, routes });
  const host = new URL(server.url).host;
  const otherOrigin = `http://localhost:${new URL(server.url).port}`;
  const proxy = await startProxy(host, [new URL(otherOrigin).host]);
  const userDataDir = mkdtempSync(join(tmpdir(), 'sourcelight-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    args: ['--no-sandbox', `--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--disable-gpu',
      '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic',
      '--no-pings', '--disable-domain-reliability', '--disable-client-side-phishing-detection', '--disable-default-apps',
      '--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,Translate',
      `--proxy-server=http://127.0.0.1:${proxy.port}`, '--proxy-bypass-list=<-loopback>', ...args],
  });
  // Every request the browser reports for a page or worker, with who made it.
  const requests = [];
  context.on('request', (r) => {
    let from = 'page';
    try { from = r.serviceWorker() ? 'worker' : 'page'; } catch { /* older engines */ }
    let frameUrl = '';
    try { frameUrl = r.frame().url(); } catch { frameUrl = r.serviceWorker()?.url() ?? ''; }
    requests.push({ url: r.url(), from, frameUrl });
  });
  // Errors logged by the extension's worker, pages and content scripts (their source is a
  // chrome-extension:// URL); the page's own errors are not the extension's.
  const errors = [];
  const extErrors = (where) => (msg) => {
    if (msg.type() !== 'error') return;
    const url = msg.location()?.url ?? '';
    let pageUrl = '';
    try { pageUrl = msg.page()?.url() ?? ''; } catch { /* a worker's message */ }
    if (where === 'worker' || url.startsWith('chrome-extension://') || pageUrl.startsWith('chrome-extension://')) {
      errors.push(`${where}: ${msg.text()} (${url || pageUrl})`);
    }
  };
  context.on('console', extErrors('page'));
  context.on('weberror', (e) => {
    const stack = String(e.error()?.stack ?? '');
    if (stack.includes('chrome-extension://')) errors.push(`uncaught: ${e.error()?.message}`);
  });
  const watchWorker = (w) => { w.on('console', extErrors('worker')); };
  context.on('serviceworker', watchWorker);
  let [sw] = context.serviceWorkers();
  if (!sw) sw = await context.waitForEvent('serviceworker');
  else watchWorker(sw);
  const extensionId = new URL(sw.url()).host;
  return {
    context, server, proxy, extensionId, requests, errors, otherOrigin,
    /** The current service worker (it may have been stopped and restarted). */
    async sw() {
      const live = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
      return live ?? context.waitForEvent('serviceworker');
    },
    async close() {
      await context.close();
      await server.close();
      await proxy.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens `path` of the fixture server in a new tab. */
export async function open(env, path) {
  const page = await env.context.newPage();
  await page.goto(`${env.server.url}${path}`);
  return page;
}

/** The tab id of a page, as the extension sees it. */
export async function tabIdOf(env, page) {
  // Without the "tabs" permission the worker cannot read tab URLs: bring the page to the
  // front and take the active tab.
  await page.bringToFront();
  const sw = await env.sw();
  return sw.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
}

/** Every Sourcelight highlight registered on the page: [{ name, kind, dark, texts: [...] }]. */
export function readHighlights(page) {
  return page.evaluate(() => {
    const out = [];
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('sourcelight-')) continue;
      const texts = [...h].map((r) => r.toString());
      const m = /^sourcelight-(\w+?)(-dark)?$/.exec(name);
      out.push({ name, kind: m?.[1] ?? name, dark: !!m?.[2], texts });
    }
    return out;
  });
}

/** Waits until the page has at least `min` marked claims; returns readHighlights. */
export async function waitForMarkers(page, min = 1, timeout = 15000) {
  await page.waitForFunction((n) => {
    let count = 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith('sourcelight-') && name !== 'sourcelight-flash') count += h.size;
    return count >= n;
  }, min, { timeout, polling: 20 });
  return readHighlights(page);
}

/** Marked texts by kind: { anonymous: [...], ... }. */
export function byKind(highlights) {
  const out = {};
  for (const h of highlights) if (h.kind !== 'flash') (out[h.kind] ??= []).push(...h.texts);
  return out;
}

/** Waits for the service worker's answer to this tab's last scan to be painted; returns its state. */
export async function waitForScan(env, page, timeout = 15000) {
  const tabId = await tabIdOf(env, page);
  const deadline = Date.now() + timeout;
  for (;;) {
    const sw = await env.sw();
    const got = await sw.evaluate(async (id) => chrome.tabs.sendMessage(id, { type: 'state' }).catch(() => null), tabId);
    if (got && (got.status === 'done' || got.status === 'error' || got.status === 'no-article')) return { tabId, ...got };
    if (Date.now() > deadline) throw new Error(`scan did not finish: ${JSON.stringify(got)}`);
    await page.waitForTimeout(25); // polling interval of a condition wait, not a fixed sleep
  }
}

/** The Report the service worker holds for a tab. */
export async function reportOf(env, tabId) {
  return ask(env, { type: 'report', tabId });
}

/** Sends a message to the service worker from an extension page, as the popup does. */
export async function ask(env, msg) {
  if (!env.probe || env.probe.isClosed()) {
    env.probe = await env.context.newPage();
    await env.probe.goto(`chrome-extension://${env.extensionId}/options.html`);
  }
  return env.probe.evaluate((m) => chrome.runtime.sendMessage(m), msg);
}

export async function badgeOf(env, tabId) {
  const sw = await env.sw();
  return sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** The tooltip host's closed shadow root, read over the DevTools protocol: { closed, text, hidden }. */
export async function readTooltip(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    // Iterative: a hostile page may be nested thousands of levels deep.
    let host = null;
    const todo = [root];
    while (!host && todo.length) {
      const n = todo.pop();
      for (let i = 0; n.attributes && i < n.attributes.length; i += 2) {
        if (n.attributes[i] === 'data-sourcelight') { host = n; break; }
      }
      for (const c of [...(n.children ?? [])].reverse()) todo.push(c);
    }
    if (!host || !host.shadowRoots?.length) return null;
    const shadow = host.shadowRoots[0];
    const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId: shadow.nodeId });
    const tipHidden = /<div class="tip[^"]*"[^>]*\shidden/.test(outerHTML);
    const text = outerHTML.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim();
    return { closed: shadow.shadowRootType === 'closed', text, hidden: tipHidden, html: outerHTML };
  } finally {
    await cdp.detach();
  }
}

/** Moves the mouse over the middle of the first marked range of `kind`; returns its text. */
export async function hoverMarker(page, kind) {
  const target = await page.evaluate((k) => {
    const h = CSS.highlights.get(`sourcelight-${k}`) ?? CSS.highlights.get(`sourcelight-${k}-dark`);
    const r = h && [...h][0];
    if (!r) return null;
    r.startContainer.parentElement.scrollIntoView({ block: 'center' });
    const rect = r.getClientRects()[0];
    return { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2, text: r.toString() };
  }, kind);
  if (!target) throw new Error(`no ${kind} marker to hover`);
  await page.mouse.move(target.x, target.y);
  return target.text;
}

/** Waits until the tooltip shows and contains `needle` (or anything when omitted). */
export async function waitForTooltip(page, needle = '', timeout = 5000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const tip = await readTooltip(page);
    if (tip && !tip.hidden && tip.text.includes(needle)) return tip;
    if (Date.now() > deadline) throw new Error(`tooltip with "${needle}" did not show: ${JSON.stringify(tip)}`);
    await page.waitForTimeout(25);
  }
}

/** The page's DOM serialisation and text, without the tooltip host. */
export function snapshot(page) {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true);
    for (const h of clone.querySelectorAll('[data-sourcelight]')) h.remove();
    return { html: clone.outerHTML, text: document.body.innerText, hosts: document.querySelectorAll('[data-sourcelight]').length };
  });
}

/** Opens the popup for `tabId` in a tab and waits until it has settled. */
export async function openPopup(env, tabId) {
  const popup = await env.context.newPage();
  await popup.goto(`chrome-extension://${env.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('body[data-ready]', { timeout: 15000 });
  return popup;
}

/** Writes settings straight into storage.sync (what the options page does). */
export async function setSettings(env, settings) {
  const sw = await env.sw();
  await sw.evaluate((s) => chrome.storage.sync.set({ settings: s }), settings);
}
