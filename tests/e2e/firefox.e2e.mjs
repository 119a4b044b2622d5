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

let driver;
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
  driver = spawn(GECKODRIVER, ['--host', '127.0.0.1', '--port', String(port)], { stdio: 'ignore' });
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

test('Firefox ESR: the extension loads and marks the fixture article', async (t) => {
  if (missing) { t.skip(`${missing}: Firefox smoke test skipped (make install-firefox)`); return; }
  await wd('POST', `/session/${session}/moz/addon/install`, { path: EXTENSION, temporary: true });
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
