import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { startServer } from '../../scripts/serve.mjs';
const srv = await startServer({ root: '/work/shared/real-pages' });
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const code = readFileSync('extension/shared/page.js', 'utf8');
const norm = (s) => s.replace(/[\u00a0\s]+/g, ' ').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').trim();
for (const name of process.argv.slice(2)) {
  const p = await b.newPage();
  await p.route(/^(?!http:\/\/127)/, (r) => r.abort());
  await p.goto(`${srv.url}/${name}/expected.html`, { waitUntil: 'domcontentloaded' });
  const expected = norm(await p.evaluate(() => document.body.textContent));
  await p.goto(`${srv.url}/${name}/source.html`, { waitUntil: 'domcontentloaded' });
  await p.evaluate(code);
  const { text, missing } = await p.evaluate(async (expected) => {
    const P = globalThis.SourcelightPage;
    const idx = await P.collectText(P.findArticle(document));
    return { text: idx.text };
  }, expected);
  const read = norm(text);
  const sentences = expected.split(/(?<=[.!?]["')\]]?)\s+(?=[A-Z"“])/).map((s) => s.trim()).filter((s) => s.length >= 40);
  const miss = sentences.filter((s) => !read.includes(s));
  console.log(name, 'missing', miss.length, '/', sentences.length);
  for (const m of miss.slice(0, 4)) {
    console.log('  -', m.slice(0, 100));
    const where = await p.evaluate((m) => {
      const P = globalThis.SourcelightPage;
      const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let t = w.nextNode(); t; t = w.nextNode()) if (t.data.includes(m)) {
        const out = [];
        for (let el = t.parentElement; el && out.length < 7; el = el.parentElement) out.push(`${el.tagName}.${String(el.className).slice(0, 40)} skip=${P.skipElement(el, window)}`);
        return out.join(' < ');
      }
      return 'not found as one text node';
    }, m.slice(0, 30));
    console.log('    ', where);
  }
  const notExp = read.split(/(?<=[.!?])\s+/).filter((s) => s.length >= 40 && !expected.includes(s));
  console.log('  extra read sentences', notExp.length, notExp.slice(0, 3).map((s) => s.slice(0, 80)));
  await p.close();
}
await b.close(); await srv.close();
