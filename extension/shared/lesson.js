// Lesson mode, the pure part: the article's sentences (the units a student chooses) and the
// score of a choice against the Report. Shared by the service worker, the www demo and tests.
// Offsets are UTF-16 code units, like the Report's spans.

/** The kinds a lesson asks the student to find. */
export const LESSON_KINDS = ['anonymous', 'vague'];

const LETTER = /[\p{L}\p{N}]/u;

function segmenter(language) {
  try {
    return new Intl.Segmenter(language === 'es' ? 'es' : 'en', { granularity: 'sentence' });
  } catch {
    return null;
  }
}

/** [start, end) of `text` between `from` and `to`, trimmed of white space; null when it holds no letter. */
function trimmed(text, from, to) {
  while (from < to && /\s/.test(text[from])) from++;
  while (to > from && /\s/.test(text[to - 1])) to--;
  return to > from && LETTER.test(text.slice(from, to)) ? [from, to] : null;
}

/**
 * The article's sentences as [[start, end], …] in document order, none overlapping: every claim's
 * `sentence` span from the Report as the core cut it, and the rest of the text cut by
 * Intl.Segmenter within each line (a line break always ends a sentence).
 */
export function lessonSentences(text, report) {
  text = String(text ?? '');
  const fixed = [];
  for (const c of report?.claims ?? []) {
    const s = c.sentence;
    if (s && s.end > s.start && s.end <= text.length) fixed.push([s.start, s.end]);
  }
  fixed.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const spans = [];
  for (const f of fixed) {
    const last = spans[spans.length - 1];
    if (last && f[0] < last[1]) last[1] = Math.max(last[1], f[1]);
    else spans.push([f[0], f[1]]);
  }
  const seg = segmenter(report?.language);
  const derived = [];
  const lineRe = /[^\n]+/g;
  for (let m; (m = lineRe.exec(text));) {
    const base = m.index;
    const line = m[0];
    const pieces = seg ? [...seg.segment(line)].map((s) => [base + s.index, base + s.index + s.segment.length]) : [[base, base + line.length]];
    for (const [a, b] of pieces) {
      // The parts of this sentence outside every claim's sentence.
      let from = a;
      for (const [s, e] of spans) {
        if (e <= from || s >= b) continue;
        if (s > from) { const t = trimmed(text, from, s); if (t) derived.push(t); }
        from = Math.max(from, e);
      }
      if (from < b) { const t = trimmed(text, from, b); if (t) derived.push(t); }
    }
  }
  return [...spans, ...derived].sort((x, y) => x[0] - y[0]);
}

/** Index of the sentence holding text offset `pos` (its end counts too), or -1. */
export function sentenceAt(sentences, pos) {
  let lo = 0;
  let hi = sentences.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid][0] <= pos) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found >= 0 && pos <= sentences[found][1] ? found : -1;
}

/**
 * Scores the sentences a student chose (`chosen`: [[start, end], …]) against the Report:
 *   found     a chosen sentence that holds an anonymous or vague claim
 *   missed    a sentence holding an anonymous or vague claim that was not chosen
 *   notFlag   a chosen sentence that holds no anonymous or vague claim
 * Each item carries its sentence and the claims in it (kind and explanation) as the feedback.
 */
export function scoreLesson(text, report, chosen) {
  text = String(text ?? '');
  const sentences = lessonSentences(text, report);
  const picked = new Set();
  for (const span of chosen ?? []) {
    if (!Array.isArray(span)) continue;
    const i = sentenceAt(sentences, Number(span[0]));
    if (i >= 0) picked.add(i);
  }
  const claimsIn = new Map(); // sentence index -> claims
  for (const c of report?.claims ?? []) {
    const i = sentenceAt(sentences, c.sentence?.start ?? c.claim.start);
    if (i < 0) continue;
    if (!claimsIn.has(i)) claimsIn.set(i, []);
    claimsIn.get(i).push({ id: c.id, kind: c.kind, flag: !!c.flag, explanation: c.explanation ?? '' });
  }
  const items = [];
  const counts = { found: 0, missed: 0, notFlag: 0, chosen: picked.size, target: 0 };
  for (let i = 0; i < sentences.length; i++) {
    const claims = claimsIn.get(i) ?? [];
    const target = claims.some((c) => LESSON_KINDS.includes(c.kind));
    if (target) counts.target++;
    let verdict = null;
    if (picked.has(i)) verdict = target ? 'found' : 'notFlag';
    else if (target) verdict = 'missed';
    if (!verdict) continue;
    counts[verdict]++;
    const [start, end] = sentences[i];
    // The feedback: the lesson's kinds first; for a wrong choice, whatever else the core found there.
    const feedback = target ? claims.filter((c) => LESSON_KINDS.includes(c.kind)) : claims;
    items.push({ verdict, start, end, text: text.slice(start, end), claims: feedback });
  }
  return { language: report?.language ?? 'en', counts, items };
}
