// A static file server for the demo and the tests, bound to 127.0.0.1 only.
//   node scripts/serve.mjs DIR [--port 8000] [--banner]
// As a module: `startServer({ root, port, headers })` resolves to { url, close, requests }.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon', '.jpg': 'image/jpeg', '.gif': 'image/gif',
};

/**
 * Serves `root`. `headers(pathname)` may return extra response headers (e.g. a CSP).
 * `routes` maps a pathname to a function (req, res) for generated pages.
 */
export function startServer({ root, port = 0, headers = () => ({}), routes = {} }) {
  const base = resolve(root);
  const requests = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push(url.pathname);
    if (routes[url.pathname]) return routes[url.pathname](req, res);
    let file = normalize(join(base, decodeURIComponent(url.pathname)));
    if (file !== base && !file.startsWith(base + sep)) { res.writeHead(403).end(); return; }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const size = statSync(file).size;
      res.writeHead(200, {
        'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': size, 'cache-control': 'no-store', ...headers(url.pathname),
      });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address();
      ok({ url: `http://127.0.0.1:${p}`, requests, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const root = args.find((a) => !a.startsWith('--')) ?? 'dist/www';
  const portArg = args.indexOf('--port');
  const port = portArg >= 0 ? Number(args[portArg + 1]) : 8000;
  const { url } = await startServer({ root, port });
  if (args.includes('--banner')) {
    const ext = resolve(root, '..', 'chromium');
    console.log(`
Sourcelight demo: ${url}/   (static files from ${resolve(root)}; Ctrl-C stops it)

The unpacked extension for Chromium is in ${ext}
  1. open chrome://extensions and switch on "Developer mode" (top right);
  2. press "Load unpacked" and choose that folder;
  3. open a news article: flagged claims are underlined; the toolbar button shows the count.
Firefox: about:debugging#/runtime/this-firefox → "Load Temporary Add-on…" → ${resolve(root, '..', 'firefox', 'manifest.json')}
Packages: ${resolve(root, '..')}/sourcelight-chromium.zip and sourcelight-firefox.zip
`);
  } else {
    console.log(`serving ${resolve(root)} on ${url}/`);
  }
}
