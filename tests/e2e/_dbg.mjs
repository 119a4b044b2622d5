import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { startServer } from '../../scripts/serve.mjs';
const srv = await startServer({ root: '/work/shared/real-pages' });
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const code = readFileSync('extension/shared/page.js', 'utf8');
for (const name of process.argv.slice(2)) {
  const p = await b.newPage();
  await p.route(/^(?!http:\/\/127)/, (r) => r.abort());
  await p.goto(`${srv.url}/${name}/source.html`, { waitUntil: 'domcontentloaded' });
  await p.evaluate(code);
  const info = await p.evaluate(async () => {
    const P = globalThis.SourcelightPage;
    const el = P.findArticle(document);
    const desc = (e) => e ? `${e.tagName}#${e.id}.${typeof e.className === 'string' ? e.className.slice(0, 60) : ''}` : null;
    const chain = [];
    for (let a = el; a && chain.length < 6; a = a.parentElement) chain.push(desc(a));
    const idx = await P.collectText(el);
    return { chain, len: idx.text.length, head: idx.text.slice(0, 300) };
  });
  console.log(name, JSON.stringify(info, null, 1));
  await p.close();
}
await b.close(); await srv.close();
