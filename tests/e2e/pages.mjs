// Generated fixture pages: a ~2,000-word article and a 1 MB article, built from sentences
// written for these tests, numbered so that no two paragraphs are the same.
const SENTENCES = [
  'The water board approved a plan to replace {n} kilometres of pipe under the old town, sources familiar with the decision said.',
  'Work on the first section is due to start in spring and will close the high street for about six weeks.',
  '“We cannot keep patching pipes that are older than the town hall,” said Helena Brandt, who chairs the board.',
  'Critics say the plan does nothing for the villages north of the river, where leaks are most common.',
  'The contractor reportedly underestimated the cost of the first phase by {n} per cent.',
  'The Evening Gazette reported last year that the board had delayed the work twice.',
  'The board said in a statement that the budget included a reserve for unexpected repairs.',
  'A senior engineer who was not authorized to speak publicly said the pipes under the market square were in the worst state.',
  'Residents on Mill Lane said they had been told little about the closures.',
  'The regional government declined to comment on whether it would help pay for the work.',
  'Some experts warn that the town will need to raise water bills to pay for the loans.',
  'According to two people briefed on the talks, the board is also negotiating with a second contractor.',
  'The first pipes were laid in {n}, when the town had fewer than four thousand people.',
  'Shop owners plan to meet on Thursday to discuss how to keep customers coming during the works.',
  'It is believed that the oldest mains are made of cast iron and lead.',
  'The mayor, Jonas Feld, said the town would publish a map of every closure before the work begins.',
];

function paragraph(i) {
  const a = SENTENCES[i % SENTENCES.length].replace('{n}', String(10 + (i % 89)));
  const b = SENTENCES[(i * 7 + 3) % SENTENCES.length].replace('{n}', String(1890 + (i % 70)));
  const c = SENTENCES[(i * 5 + 1) % SENTENCES.length].replace('{n}', String(3 + (i % 40)));
  return `<p>${i % 9 === 4 ? `<a href="#p${i}">${a}</a>` : a} ${i % 6 === 2 ? `<em>${b}</em>` : b} ${c}</p>`;
}

function page(title, body) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body { font: 17px/1.55 Georgia, serif; max-width: 42rem; margin: 2rem auto; }</style></head>
<body><nav><a href="#">Home</a> <a href="#">Local</a></nav>
<article><h1>${title}</h1>
${body}
</article><footer>Town Courier</footer></body></html>`;
}

/** An article of about `words` words. */
export function longArticle(words = 2000) {
  const out = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const p = paragraph(i);
    out.push(p);
    count += p.replace(/<[^>]+>/g, '').split(/\s+/).length;
  }
  return page('Town to replace its Victorian water pipes', out.join('\n'));
}

/** An article of about `bytes` bytes of HTML. */
export function bigArticle(bytes = 1024 * 1024) {
  const out = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = paragraph(i);
    out.push(p);
    size += p.length + 1;
  }
  return page('The whole water board archive, in one page', out.join('\n'));
}

export function htmlRoute(make) {
  let cached = null;
  return (req, res) => {
    cached ??= Buffer.from(make());
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': cached.length, 'cache-control': 'no-store' });
    res.end(cached);
  };
}

/**
 * A claim at the bottom of `depth` nested elements, then ordinary paragraphs. The nesting is
 * built by the page's script with appendChild (the HTML parser caps nesting depth at 512).
 * `tag` and `style` set the nested elements: blocks (div), inline (span), or elements that make
 * no box of their own (`display: contents`), so the DOM is that deep but the layout is not.
 */
export function deepArticle(depth = 10000, { tag = 'div', style = '' } = {}) {
  const build = `<script>
(() => {
  let node = document.getElementById('deep');
  for (let i = 0; i < ${depth}; i++) {
    const d = document.createElement(${JSON.stringify(tag)});
    ${style ? `d.style.cssText = ${JSON.stringify(style)};` : ''}
    node.appendChild(d);
    node = d;
  }
  const p = document.createElement(${JSON.stringify(tag === 'span' ? 'span' : 'p')});
  p.textContent = 'The archive sits at the bottom, sources familiar with the layout said.';
  node.appendChild(p);
  let depth = 0;
  for (let e = p; e; e = e.parentElement) depth++;
  window.__depth = depth;
})();
</script>`;
  return page('Deep nesting', `<div id="deep"></div>${build}\n${paragraph(1)}\n${paragraph(2)}`);
}

/** An article made of `count` tiny text nodes (each word in its own <span>). */
export function manyNodesArticle(count = 100000) {
  const out = [];
  let n = 0;
  for (let i = 0; n < count; i++) {
    const words = SENTENCES[i % SENTENCES.length].replace('{n}', String(i)).split(' ');
    out.push(`<p>${words.map((w) => `<span>${w}</span>`).join(' ')}</p>`);
    n += words.length * 2;
  }
  return page('Every word its own node', out.join('\n'));
}
