// Assembles dist/ from extension/, www/ and dist/pkg (made by `make wasm`):
//   dist/chromium, dist/firefox   unpacked extensions, one source manifest transformed per browser
//   dist/www                      the demo, with the same shared glue and locales as the extension
//   dist/sourcelight-*.zip        packages
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipDir } from './zip.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const pkg = join(dist, 'pkg');
if (!existsSync(join(pkg, 'sourcelight_bg.wasm'))) {
  console.error('dist/pkg is missing: run `make wasm` first');
  process.exit(1);
}

const source = JSON.parse(readFileSync(join(root, 'extension', 'manifest.json'), 'utf8'));

/** The manifest for one browser, from the one source manifest. */
export function manifestFor(browser, m = source) {
  const out = structuredClone(m);
  const bg = out.background;
  if (browser === 'chromium') {
    // Chromium runs the background as a module service worker; Firefox-only keys go.
    out.background = { service_worker: bg.service_worker, type: 'module' };
    delete out.browser_specific_settings;
  } else if (browser === 'firefox') {
    // Firefox MV3 runs background scripts as an event page; it wants `scripts`.
    out.background = { scripts: [bg.service_worker], type: 'module' };
  } else {
    throw new Error(`unknown browser ${browser}`);
  }
  return out;
}

function copyExtension(browser) {
  const out = join(dist, browser);
  rmSync(out, { recursive: true, force: true });
  cpSync(join(root, 'extension'), out, {
    recursive: true,
    filter: (src) => !src.endsWith('manifest.json') || dirname(src) !== join(root, 'extension'),
  });
  cpSync(pkg, join(out, 'pkg'), { recursive: true, filter: (src) => !/\.(d\.ts|json)$|\.gitignore$/.test(src) });
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifestFor(browser), null, 2) + '\n');
  const zip = join(dist, `sourcelight-${browser}.zip`);
  zipDir(out, zip);
  console.log(`dist/${browser}/ and ${zip.slice(root.length + 1)}`);
}

function copyWww() {
  const out = join(dist, 'www');
  rmSync(out, { recursive: true, force: true });
  cpSync(join(root, 'www'), out, { recursive: true });
  // The same glue and locale files as the extension: copied at build time, never kept by hand.
  cpSync(join(root, 'extension', 'shared'), join(out, 'shared'), { recursive: true });
  cpSync(join(root, 'extension', '_locales'), join(out, '_locales'), { recursive: true });
  cpSync(pkg, join(out, 'pkg'), { recursive: true, filter: (src) => !/\.(d\.ts|json)$|\.gitignore$/.test(src) });
  console.log('dist/www/');
}

mkdirSync(dist, { recursive: true });
copyExtension('chromium');
copyExtension('firefox');
copyWww();
