// The toolbar popup: the page's summary, its flagged claims, the site switch and the exports.
// `popup.html?tab=<id>` targets a given tab (used when the popup is opened in a tab).
import { api } from './shared/browser.js';
import { extensionTranslator } from './shared/i18n.js';
import { EXPORTS } from './shared/report.js';
import { loadSettings, runsOn, saveSettings } from './shared/settings.js';
import { download, renderList, renderSummary } from './shared/ui.js';

const t = extensionTranslator(api);
const $ = (id) => document.getElementById(id);
let tabId = null;
let host = '';
let report = null;
let pageMeta = {};

document.documentElement.lang = api.i18n.getUILanguage();
for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
// "Found: $1" → "Found" as a label beside its figure.
for (const e of document.querySelectorAll('[data-i18n-sub]')) e.textContent = t(e.dataset.i18nSub, ['']).replace(/[:：]?\s*$/, '');

function status(text) {
  $('status').textContent = text;
}

async function toTab(msg) {
  return api.tabs.sendMessage(tabId, msg);
}

/** The tab's content script state; injects the script first into tabs opened before install. */
async function tabState() {
  try {
    return await toTab({ type: 'state' });
  } catch {
    // The marker styles go into same-origin frames too (the article may be read from them).
    await api.scripting.insertCSS({ target: { tabId, allFrames: true }, files: ['shared/markers.css'] })
      .catch(() => api.scripting.insertCSS({ target: { tabId }, files: ['shared/markers.css'] }));
    await api.scripting.executeScript({ target: { tabId }, files: ['shared/page.js', 'content.js'] });
    for (let i = 0; i < 20; i++) {
      try { return await toTab({ type: 'state' }); } catch { await new Promise((r) => setTimeout(r, 50)); }
    }
    throw new Error('no content script');
  }
}

async function fetchReport() {
  let got = await api.runtime.sendMessage({ type: 'report', tabId });
  if (got?.missing) {
    // The worker was restarted and lost the report: the page scans again.
    await toTab({ type: 'scan-now' });
    got = await api.runtime.sendMessage({ type: 'report', tabId });
  }
  return got?.report ? got : null;
}

function show(state) {
  const lesson = state.lesson?.on ? state.lesson : null;
  const choosing = !!(lesson && !lesson.checked && state.status === 'done');
  // While a lesson is being answered the summary and the list would give it away.
  $('summary-box').hidden = !report || choosing;
  $('scan').hidden = state.status === 'done' || state.status === 'scanning';
  $('reveal').hidden = !(state.classroom && !state.revealed) || choosing;
  $('lesson-check').hidden = !choosing;
  $('print').hidden = !report || choosing; // the handout would give the lesson away too
  $('lesson-box').hidden = !(lesson && state.status === 'done');
  if (lesson) {
    $('lesson-chosen').textContent = t('lesson_chosen', [lesson.chosen]);
    $('lesson-score').hidden = !lesson.score;
    if (lesson.score) {
      for (const k of ['found', 'missed', 'notFlag']) document.querySelector(`[data-figure="lesson_${k}"]`).textContent = String(lesson.score[k]);
    }
  }
  if (state.status === 'error') status(t('status_error', [state.error]));
  else if (state.status === 'no-article') status(t('status_noArticle'));
  else if (state.status === 'off') status(t('status_off'));
  else if (choosing) status(t('lesson_status'));
  else if (state.classroom && !state.revealed) status(t('status_classroom'));
  else status('');
  if (report) {
    renderSummary($('summary'), report, t);
    renderList($('claims'), report, t, (id) => toTab({ type: 'flash', id }).catch(() => {}));
  }
  document.body.dataset.ready = state.status;
}

async function scanNow() {
  status(t('status_scanning'));
  const state = await toTab({ type: 'scan-now' });
  const got = state.status === 'done' ? await fetchReport() : null;
  report = got?.report ?? null;
  show(state);
}

async function main() {
  const wanted = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(wanted) && wanted > 0) tabId = wanted;
  else [{ id: tabId } = {}] = await api.tabs.query({ active: true, currentWindow: true });
  let state;
  try {
    state = await tabState();
  } catch {
    status(t('status_unavailable'));
    document.body.dataset.ready = 'unavailable';
    $('site').disabled = true;
    return;
  }
  host = state.host;
  pageMeta = { url: state.url, title: state.title };
  const settings = await loadSettings(api.storage);
  $('site-label').textContent = t('site_toggle', [host]);
  $('site').checked = runsOn(settings, host);

  $('site').addEventListener('change', async () => {
    const s = await loadSettings(api.storage);
    delete s.sites[host.toLowerCase()]; // re-added last: the most recent choice is kept longest
    s.sites[host.toLowerCase()] = $('site').checked;
    await saveSettings(api.storage, s);
    if ($('site').checked) await scanNow();
    else {
      await toTab({ type: 'stop' });
      report = null;
      show({ status: 'off' });
    }
  });
  $('scan').addEventListener('click', scanNow);
  $('reveal').addEventListener('click', async () => {
    await toTab({ type: 'reveal' });
    show(await toTab({ type: 'state' }));
  });
  $('lesson-check').addEventListener('click', async () => {
    await toTab({ type: 'lesson-check' });
    show(await toTab({ type: 'state' }));
  });
  $('print').addEventListener('click', () => {
    api.tabs.create({ url: api.runtime.getURL(`print.html?tab=${tabId}`) });
  });
  for (const b of document.querySelectorAll('[data-export]')) {
    b.addEventListener('click', () => {
      if (!report) return;
      const fmt = EXPORTS[b.dataset.export];
      const stem = (host || 'page').replace(/[^a-z0-9.-]+/gi, '_');
      download(fmt.make(report, pageMeta), fmt.type, `sourcelight-${stem}.${fmt.ext}`);
    });
  }

  const explicitlyOff = settings.sites[host.toLowerCase()] === false;
  if (state.status === 'done') {
    const got = await fetchReport();
    report = got?.report ?? null;
    show(state);
  } else if (state.status === 'off' && explicitlyOff) {
    show(state);
  } else {
    // Opening the popup is the click that scans on sites set to "only when clicked".
    await scanNow();
  }
}

main().catch((err) => {
  status(t('status_error', [String(err?.message ?? err)]));
  document.body.dataset.ready = 'error';
});
