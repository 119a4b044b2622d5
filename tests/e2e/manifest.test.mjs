// Permissions audit: every permission, host pattern and CSP source in the manifest is
// listed, with its reason, in the README's permissions table, and nothing more is asked for.
// Also: the per-browser manifests made by scripts/build.mjs keep exactly those.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'extension', 'manifest.json'), 'utf8'));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('**Permissions and why each is needed**'));
const table = section.slice(0, section.indexOf('\n\n', section.indexOf('|')));

/** Everything the manifest asks for, as the strings the README must name. */
function asks(m) {
  const out = [];
  for (const p of m.permissions ?? []) out.push(`\`${p}\``);
  for (const p of m.optional_permissions ?? []) out.push(`\`${p}\``);
  for (const h of [...(m.host_permissions ?? []), ...(m.optional_host_permissions ?? [])]) out.push(`\`${h}\``);
  for (const cs of m.content_scripts ?? []) for (const h of cs.matches) out.push(`\`${h}\``);
  const csp = m.content_security_policy?.extension_pages ?? '';
  for (const directive of csp.split(';').map((d) => d.trim()).filter(Boolean)) {
    const [name, ...sources] = directive.split(/\s+/);
    for (const s of sources) out.push(`${name} ${s}`);
  }
  return out;
}

test('the README lists every permission, host pattern and CSP source, each with a reason', () => {
  assert.ok(table.includes('| why |'), 'the permissions table is in the README');
  const cspCell = /CSP `extension_pages`: `([^`]+)`/.exec(table)?.[1] ?? '';
  for (const item of asks(manifest)) {
    if (/^(script-src|object-src|default-src|worker-src|connect-src) /.test(item)) {
      const [name, source] = item.split(' ');
      assert.ok(cspCell.includes(name) && cspCell.includes(source) || name === 'object-src' && source === "'self'",
        `CSP source ${item} is explained in the README`);
    } else {
      assert.ok(table.includes(item), `${item} is explained in the README's permissions table`);
    }
  }
});

test('no permission beyond the audited set; no remote code sources', () => {
  assert.deepEqual([...(manifest.permissions ?? [])].sort(), ['activeTab', 'scripting', 'storage']);
  assert.equal(manifest.host_permissions, undefined, 'no host permissions beyond the content script matches');
  assert.equal(manifest.optional_permissions, undefined);
  assert.equal(manifest.web_accessible_resources, undefined, 'nothing exposed to pages');
  assert.equal(manifest.externally_connectable, undefined);
  const csp = manifest.content_security_policy.extension_pages;
  assert.equal(csp, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
  assert.ok(!/https?:|\*|'unsafe-eval'|'unsafe-inline'/.test(csp), 'no remote or unsafe script source');
  for (const cs of manifest.content_scripts) assert.deepEqual(cs.matches, ['http://*/*', 'https://*/*']);
  // Scripts run in the top frame only; into frames go the marker styles alone.
  for (const cs of manifest.content_scripts) {
    if (cs.all_frames || cs.match_about_blank || cs.match_origin_as_fallback) {
      assert.equal(cs.js, undefined, 'no script is injected into frames');
      assert.deepEqual(cs.css, ['shared/markers.css'], 'only the marker styles go into frames');
    }
  }
  const css = readFileSync(join(root, 'extension', 'shared', 'markers.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  for (const rule of css.split('}').map((r) => r.trim()).filter(Boolean)) {
    assert.match(rule, /^::highlight\((sourcelight-[a-z-]+|lesson-chosen)\)\s*\{/, `markers.css styles highlights only: ${rule.slice(0, 60)}`);
  }
});

test('the built manifests ask for the same, one per browser', (t) => {
  for (const browser of ['chromium', 'firefox']) {
    const file = join(root, 'dist', browser, 'manifest.json');
    if (!existsSync(file)) { t.diagnostic(`${file} not built`); continue; }
    const built = JSON.parse(readFileSync(file, 'utf8'));
    assert.deepEqual(asks(built), asks(manifest), browser);
    if (browser === 'chromium') {
      assert.deepEqual(built.background, { service_worker: 'background.js', type: 'module' });
      assert.equal(built.browser_specific_settings, undefined);
    } else {
      assert.deepEqual(built.background, { scripts: ['background.js'], type: 'module' });
      assert.ok(built.browser_specific_settings.gecko.id);
    }
  }
});

test('no extension source makes a network call (fetch, XHR, WebSocket, beacons, EventSource)', async () => {
  const { readdirSync, statSync } = await import('node:fs');
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(m?js|html)$/.test(name)) files.push(p);
    }
  };
  walk(join(root, 'extension'));
  assert.ok(files.length > 10, 'the extension sources were found');
  for (const f of files) {
    const src = readFileSync(f, 'utf8').replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '');
    assert.ok(!/\bfetch\s*\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts/.test(src), `${f.slice(root.length + 1)} makes no network call`);
  }
});
