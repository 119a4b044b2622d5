// The print view of one tab's article (print.html?tab=<id>, opened from the popup): the text
// the content script read and the Report the service worker holds for it, as a handout.
import { api } from './shared/browser.js';
import { renderHandout } from './shared/handout.js';
import { extensionTranslator } from './shared/i18n.js';

const t = extensionTranslator(api);
document.documentElement.lang = api.i18n.getUILanguage();
document.title = t('print_title');
for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
document.getElementById('print').addEventListener('click', () => window.print());

async function main() {
  const tabId = Number(new URLSearchParams(location.search).get('tab'));
  const got = Number.isInteger(tabId) && tabId > 0 ? await api.runtime.sendMessage({ type: 'report', tabId, withText: true }) : null;
  const root = document.getElementById('handout');
  if (!got?.report || typeof got.text !== 'string') {
    const p = document.createElement('p');
    p.className = 'handout-missing';
    p.textContent = t('print_missing');
    root.replaceChildren(p);
    document.body.dataset.ready = 'missing';
    return;
  }
  const n = renderHandout(root, { text: got.text, report: got.report, t, meta: { title: got.title, url: got.url } });
  if (got.title) document.title = `${t('print_title')}: ${got.title}`;
  document.body.dataset.claims = String(n);
  document.body.dataset.ready = 'done';
}

main().catch((err) => {
  document.getElementById('handout').textContent = String(err?.message ?? err);
  document.body.dataset.ready = 'error';
});
