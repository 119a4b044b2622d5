// The demo's print view: the article the demo page handed over (through this tab's session
// storage, copied from the demo when it opened this window), read by the core again and laid
// out as a handout by the same code as the extension's print view.
import { analyze } from './shared/core.js';
import { renderHandout } from './shared/handout.js';
import { loadTranslator } from './i18n-loader.js';

const uiLang = (navigator.language || 'en').toLowerCase().startsWith('es') ? 'es' : 'en';
const t = await loadTranslator(new URL('./', location.href), uiLang);
document.documentElement.lang = uiLang;
document.title = t('print_title');
for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
document.getElementById('print').addEventListener('click', () => window.print());

async function main() {
  const root = document.getElementById('handout');
  let saved = null;
  try { saved = JSON.parse(sessionStorage.getItem('sourcelight-print') ?? 'null'); } catch { saved = null; }
  if (!saved || typeof saved.text !== 'string') {
    const p = document.createElement('p');
    p.className = 'handout-missing';
    p.textContent = t('print_missing');
    root.replaceChildren(p);
    document.body.dataset.ready = 'missing';
    return;
  }
  const language = ['auto', 'en', 'es'].includes(saved.language) ? saved.language : 'auto';
  const report = await analyze(saved.text, { language });
  const n = renderHandout(root, { text: saved.text, report, t, meta: { title: String(saved.title ?? '') } });
  if (saved.title) document.title = `${t('print_title')}: ${saved.title}`;
  document.body.dataset.claims = String(n);
  document.body.dataset.ready = 'done';
}

main().catch((err) => {
  document.getElementById('handout').textContent = String(err?.message ?? err);
  document.body.dataset.ready = 'error';
});
