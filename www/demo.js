// The www demo: the same glue as the extension (shared/page.js for finding, mapping and
// painting; core.js for the wasm; report.js and ui.js for the summary and exports), with
// the core running in this page instead of a service worker. Static files, no network.
import { analyze, coreVersion, loadCore } from './shared/core.js';
import { loadTranslator } from './i18n-loader.js';
import { lessonSentences, scoreLesson } from './shared/lesson.js';
import { EXPORTS, claimDetail, compactClaims } from './shared/report.js';
import { KINDS, defaults } from './shared/settings.js';
import { download, renderList, renderSummary } from './shared/ui.js';

const Page = globalThis.SourcelightPage;
const $ = (id) => document.getElementById(id);
const uiLang = (navigator.language || 'en').toLowerCase().startsWith('es') ? 'es' : 'en';
const t = await loadTranslator(new URL('./', location.href), uiLang);
document.documentElement.lang = uiLang;
for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
for (const e of document.querySelectorAll('[data-i18n-placeholder]')) e.placeholder = t(e.dataset.i18nPlaceholder);
document.getElementById('article').dataset.empty = t('demo_empty');
let report = null;
let index = null; // the collected text the report was made from
let lesson = null; // a SourcelightPage.Lesson while the Lesson toggle is on
let runs = 0;
const marked = new Set(Object.entries(defaults().kinds).filter(([, on]) => on).map(([k]) => k));
const painter = new Page.Painter({ doc: document, t, detail: async (id) => (report ? claimDetail(report, id) : null) });

function status(text) {
  $('status').textContent = text;
}

// ---- the kinds to mark ---------------------------------------------------------------
for (const k of KINDS) {
  const label = document.createElement('label');
  label.className = `k-${k}`;
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.value = k;
  box.checked = marked.has(k);
  box.addEventListener('change', () => {
    if (box.checked) marked.add(k); else marked.delete(k);
    painter.setKinds(marked);
  });
  const sw = document.createElement('span');
  sw.className = 'swatch';
  const name = document.createElement('span');
  name.textContent = t(`kind_${k}`);
  label.append(box, sw, name);
  $('kinds').append(label);
}

// ---- putting an article on the page ------------------------------------------------------

/** Plain text → headline and paragraphs (blank lines separate paragraphs). */
function showText(text) {
  const blocks = String(text).replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  const article = $('article');
  article.replaceChildren();
  blocks.forEach((b, i) => {
    const el = document.createElement(i === 0 && blocks.length > 1 && b.length < 160 && !/[.!?]["”]?$/.test(b) ? 'h1' : 'p');
    el.textContent = b.replace(/\n/g, ' ');
    article.append(el);
  });
}

const KEEP = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'EM', 'I', 'STRONG', 'B',
  'A', 'BR', 'SPAN', 'SMALL', 'SUB', 'SUP', 'Q', 'CITE', 'FIGCAPTION', 'DIV', 'SECTION', 'ARTICLE', 'TABLE', 'TBODY',
  'THEAD', 'TR', 'TD', 'TH', 'DL', 'DT', 'DD', 'U', 'MARK', 'ABBR', 'TIME']);

/**
 * A saved page → its article, rebuilt element by element from a short list of text elements,
 * without any attribute: no script, style, handler, image or link from the file comes along.
 */
function showHtml(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const root = Page.findArticle(doc) || doc.body;
  const article = $('article');
  article.replaceChildren();
  if (!root) return;
  const stack = [[root, article]];
  while (stack.length) {
    const [from, to] = stack.pop();
    const kids = [...from.childNodes];
    const made = [];
    for (const n of kids) {
      if (n.nodeType === 3) { made.push([null, document.createTextNode(n.data)]); continue; }
      if (n.nodeType !== 1 || Page.skipElement(n, null)) continue;
      if (KEEP.has(n.tagName)) {
        const el = document.createElement(n.tagName === 'ARTICLE' || n.tagName === 'SECTION' ? 'div' : n.tagName.toLowerCase());
        made.push([n, el]);
      } else {
        const span = document.createElement('span');
        made.push([n, span]);
      }
    }
    for (const [, el] of made) to.append(el);
    for (let i = made.length - 1; i >= 0; i--) if (made[i][0]) stack.push(made[i]);
  }
}

// ---- lesson mode -----------------------------------------------------------------------------

/** Markers and the summary stay hidden while a lesson is being answered. */
function lessonView() {
  const answering = !!(lesson && !lesson.result);
  painter.setHidden(answering);
  $('results').hidden = answering;
  $('lesson').hidden = !lesson;
  document.body.dataset.lesson = lesson ? (lesson.result ? 'checked' : 'choosing') : 'off';
}

function setLesson(on) {
  if (on && !lesson) {
    lesson = new Page.Lesson({
      painter, t, mount: $('lesson'),
      onCheck: async (chosen) => (report && index ? scoreLesson(index.text, report, chosen) : null),
      onChange: lessonView,
    });
    if (report && index) lesson.setSentences(index, lessonSentences(index.text, report));
    else lesson.render();
  } else if (!on && lesson) {
    lesson.destroy();
    lesson = null;
  }
  lessonView();
}

Page.LESSON_CSS && (() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(Page.LESSON_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
})();
$('lesson-mode').addEventListener('change', () => setLesson($('lesson-mode').checked));

// ---- print view ---------------------------------------------------------------------------------

$('print').addEventListener('click', () => {
  if (!index) return;
  const title = $('article').querySelector('h1')?.textContent ?? '';
  // The print page reads the article from this tab's session storage (copied to the window it
  // opens) and runs the core on it again: nothing leaves the browser.
  sessionStorage.setItem('sourcelight-print', JSON.stringify({ text: index.text, language: $('language').value, title }));
  window.open('print.html', '_blank');
});

// ---- analysing and painting -----------------------------------------------------------------

async function run() {
  const mine = ++runs;
  status(t('status_scanning'));
  const collected = await Page.collectText($('article'));
  const r = await analyze(collected.text, { language: $('language').value });
  if (mine !== runs) return;
  report = r;
  index = collected;
  painter.setKinds(marked);
  if (lesson) lesson.restart();
  lessonView();
  await painter.paint(index, compactClaims(report));
  if (lesson) lesson.setSentences(index, lessonSentences(index.text, report));
  $('print').disabled = false;
  renderSummary($('summary'), report, t);
  renderList($('claims'), report, t, (id) => painter.flash(id));
  status(`${report.summary.flagged} / ${report.summary.claims}`);
  document.body.dataset.ready = String(mine);
}

async function runSafely() {
  try {
    await run();
  } catch (err) {
    status(t('status_error', [String(err?.message ?? err)]));
    document.body.dataset.ready = 'error';
  }
}

$('analyze').addEventListener('click', () => { showText($('text').value); runSafely(); });
$('language').addEventListener('change', () => { if (report) runSafely(); });
$('sample').addEventListener('change', async () => {
  const path = $('sample').value;
  if (!path) return;
  const text = await (await fetch(path)).text();
  $('text').value = text;
  showText(text);
  runSafely();
});
$('file').addEventListener('change', async () => {
  const file = $('file').files[0];
  if (!file) return;
  const text = await file.text();
  if (/\.txt$/i.test(file.name) || file.type === 'text/plain') {
    $('text').value = text;
    showText(text);
  } else {
    showHtml(text);
    $('text').value = $('article').innerText;
  }
  runSafely();
});
for (const b of document.querySelectorAll('[data-export]')) {
  b.addEventListener('click', () => {
    if (!report) return;
    const fmt = EXPORTS[b.dataset.export];
    download(fmt.make(report, { title: document.title }), fmt.type, `sourcelight-demo.${fmt.ext}`);
  });
}

loadCore().then(async () => {
  $('version').textContent = `Sourcelight core ${await coreVersion()}`;
  document.body.dataset.core = 'ready';
}, (err) => status(t('status_error', [String(err?.message ?? err)])));

const wanted = new URLSearchParams(location.search).get('sample');
if (wanted) {
  $('sample').value = `samples/${wanted}.txt`;
  $('sample').dispatchEvent(new Event('change'));
}
