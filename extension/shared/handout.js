// The print view: a one-page handout for a class. The article's text with a numbered marker
// ([1], [2], …) after each flagged claim, then, for each number, the claim's explanation (in the
// article's language) and the questions a reader should ask (in the interface's language).
// Built with DOM text nodes only: nothing from the article is ever parsed as HTML.
// Shared by the extension's print.html and the www demo's print.html.
import { flaggedClaims, markSpan } from './report.js';

/** The questions a reader should ask about a claim of `kind`, as message keys. */
export const QUESTIONS = {
  anonymous: ['q_who', 'q_whyAnonymous', 'q_howKnow', 'q_confirm'],
  vague: ['q_whoExactly', 'q_howKnow', 'q_confirm'],
  unverified: ['q_whoClaims', 'q_howKnow', 'q_confirm'],
  report: ['q_outlet', 'q_outletSources', 'q_confirm'],
};

function el(doc, tag, cls, text) {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = String(text);
  return e;
}

/**
 * The article's paragraphs as DOM nodes: each flagged claim's span in a <mark class="k-KIND">,
 * and its number at the end of its sentence. `notes` is [{ n, claim, start, end, at }] in
 * document order (`at`: where the number goes).
 */
function articleNodes(doc, text, notes) {
  // Cut points: every mark's start and end, every number, and every line break.
  const cuts = new Set([0, text.length]);
  for (const m of notes) { cuts.add(m.start); cuts.add(m.end); cuts.add(m.at); }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const endsAt = new Map();
  for (const m of notes) {
    if (!endsAt.has(m.at)) endsAt.set(m.at, []);
    endsAt.get(m.at).push(m);
  }
  const paras = [];
  let para = el(doc, 'p');
  const flush = () => {
    if (para.childNodes.length && /\S/.test(para.textContent)) paras.push(para);
    para = el(doc, 'p');
  };
  for (let i = 0; i < points.length; i++) {
    const a = points[i];
    const b = points[i + 1] ?? a;
    for (const m of endsAt.get(a) ?? []) {
      const ref = el(doc, 'sup', `ref k-${m.claim.kind}`, `[${m.n}]`);
      ref.dataset.ref = String(m.n);
      para.append(ref);
    }
    if (b <= a) continue;
    // The innermost mark covering [a, b) gives the style.
    let cover = null;
    for (const m of notes) if (m.start <= a && m.end >= b && (!cover || m.end - m.start < cover.end - cover.start)) cover = m;
    const lines = text.slice(a, b).split(/\n+/);
    lines.forEach((line, j) => {
      if (j > 0) flush();
      if (!line) return;
      if (cover) {
        const mark = el(doc, 'mark', `k-${cover.claim.kind}`, line);
        para.append(mark);
      } else {
        para.append(doc.createTextNode(line));
      }
    });
  }
  flush();
  return paras;
}

/**
 * Fills `root` with the handout for `text` and its `report`.
 *   t(key, subs)     the interface's strings
 *   meta             { title, url } of the page, when known
 * Returns the number of numbered claims.
 */
export function renderHandout(root, { text, report, t, meta = {} }) {
  const doc = root.ownerDocument;
  root.replaceChildren();
  const notes = flaggedClaims(report).map((claim, i) => {
    const { start, end } = markSpan(claim);
    // The number goes at the end of the claim's sentence, after its closing punctuation.
    const s = claim.sentence;
    const at = s && s.start <= start && s.end >= end ? s.end : end;
    return { n: i + 1, claim, start, end, at };
  });

  const head = el(doc, 'header', 'handout-head');
  head.append(el(doc, 'p', 'kicker', t('print_kicker')));
  const h1 = el(doc, 'h1', null, meta.title || t('print_untitled'));
  h1.lang = report.language;
  head.append(h1);
  if (meta.url) head.append(el(doc, 'p', 'url', meta.url));
  head.append(el(doc, 'p', 'intro', notes.length ? t('print_intro', [notes.length]) : t('print_noClaims')));
  root.append(head);

  const article = el(doc, 'section', 'handout-article');
  article.lang = report.language;
  article.setAttribute('aria-label', t('print_article'));
  const paras = articleNodes(doc, String(text), notes);
  // The headline is the handout's title already.
  if (meta.title && paras.length > 1 && paras[0].textContent.trim() === String(meta.title).trim() && !paras[0].querySelector('sup')) paras.shift();
  article.append(...paras);
  root.append(article);

  if (notes.length) {
    const section = el(doc, 'section', 'handout-notes');
    section.append(el(doc, 'h2', null, t('print_notes')));
    const ol = el(doc, 'ol', 'notes');
    for (const { n, claim } of notes) {
      const li = el(doc, 'li', `note k-${claim.kind}`);
      li.dataset.note = String(n);
      const top = el(doc, 'p', 'note-head');
      top.append(el(doc, 'span', 'num', `[${n}]`), doc.createTextNode(' '), el(doc, 'span', 'swatch'),
        el(doc, 'strong', 'kind', t(`kind_${claim.kind}`)));
      li.append(top);
      const quote = el(doc, 'blockquote', 'sentence', claim.sentence.text);
      quote.lang = report.language;
      li.append(quote);
      if (claim.explanation) {
        const ex = el(doc, 'p', 'expl', claim.explanation);
        ex.lang = report.language;
        li.append(ex);
      }
      const qs = QUESTIONS[claim.kind] ?? QUESTIONS.vague;
      li.append(el(doc, 'p', 'ask', t('print_questions')));
      const ul = el(doc, 'ul', 'questions');
      for (const key of qs) ul.append(el(doc, 'li', null, t(key)));
      li.append(ul);
      ol.append(li);
    }
    section.append(ol);
    root.append(section);
  }
  root.append(el(doc, 'footer', 'handout-foot', t('print_footer')));
  return notes.length;
}
