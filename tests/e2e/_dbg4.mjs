import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
const srv = await startServer({ root: '/work/shared/real-pages' });
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage();
await p.route(/^(?!http:\/\/127)/, (r) => r.abort());
await p.goto(`${srv.url}/quanta-1/source.html`, { waitUntil: 'domcontentloaded' });
console.log(await p.evaluate(() => {
  const p = [...document.querySelectorAll('p')].find((e) => e.textContent.includes('A little over half a century ago'));
  const out = [];
  for (let el = p; el && el !== document.body; el = el.parentElement) {
    const sibs = el.parentElement ? [...el.parentElement.children].map((c) => `${c.tagName}.${String(c.className).split(' ')[0]}(${c.textContent.length})`).join(' ') : '';
    out.push(`${el.tagName}.${String(el.className).slice(0, 50)}  siblings: ${sibs.slice(0, 300)}`);
  }
  return out.join('\n');
}));
await b.close(); await srv.close();
