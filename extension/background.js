// Sourcelight's service worker: hosts the wasm core and answers scan requests from
// content scripts and the popup. The browser may stop this worker at any time; every
// listener is registered at the top level, the wasm is reloaded on the next start, and
// per-tab reports that were lost with it are rebuilt by asking the tab to scan again.
// It makes no network request of any kind.
import { api } from './shared/browser.js';
import { analyze, coreLoadMs, coreVersion, loadCore } from './shared/core.js';
import { lessonSentences, scoreLesson } from './shared/lesson.js';
import { claimDetail, compactClaims } from './shared/report.js';
import { loadSettings, markedKinds, runsOn } from './shared/settings.js';

const tabs = new Map(); // tabId -> { scanId, report, text, url, host, timing }
let scans = 0;
let settingsCache = null; // the sanitised settings, read once per worker start and on change

function settings(fresh = false) {
  if (fresh || !settingsCache) settingsCache = loadSettings(api.storage);
  return settingsCache;
}
api.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync' && changes.settings) settingsCache = null;
});

loadCore().catch((err) => console.error('sourcelight: wasm failed to load', err));

async function setBadge(tabId, report) {
  const n = report ? report.summary.flagged : 0;
  try {
    await api.action.setBadgeBackgroundColor({ tabId, color: '#b3470d' });
    await api.action.setBadgeText({ tabId, text: report ? String(n) : '' });
  } catch { /* the tab is gone */ }
}

async function handleFromTab(msg, sender) {
  const tabId = sender.tab.id;
  switch (msg.type) {
    case 'config': {
      // `fresh`: the tab saw the settings change; it may hear of it before this worker does.
      const s = await settings(!!msg.fresh);
      return { settings: s, run: runsOn(s, msg.host), kinds: markedKinds(s) };
    }
    case 'scan': {
      const s = await settings();
      const t0 = performance.now();
      const report = await analyze(String(msg.text ?? ''), { language: s.language });
      const analyzeMs = performance.now() - t0;
      const scanId = `${tabId}:${++scans}:${Date.now()}`;
      const text = String(msg.text ?? '');
      tabs.set(tabId, {
        scanId, report, text, url: msg.url, host: msg.host, title: String(msg.title ?? ''), timing: { analyzeMs }, lesson: null,
      });
      await setBadge(tabId, report);
      return {
        ok: true, scanId, claims: compactClaims(report), flagged: report.summary.flagged,
        language: report.language, kinds: markedKinds(s), classroom: s.classroom, lesson: s.lesson,
        // Lesson mode: the sentences the reader chooses from.
        sentences: s.lesson ? lessonSentences(text, report) : null,
      };
    }
    case 'detail': {
      const state = tabs.get(tabId);
      if (!state || state.scanId !== msg.scanId) return { missing: true };
      return { detail: claimDetail(state.report, msg.id) };
    }
    case 'lesson-check': {
      const state = tabs.get(tabId);
      if (!state || state.scanId !== msg.scanId) return { missing: true };
      state.lesson = scoreLesson(state.text, state.report, Array.isArray(msg.chosen) ? msg.chosen : []);
      return { result: state.lesson };
    }
    case 'painted': {
      const state = tabs.get(tabId);
      if (state && state.scanId === msg.scanId) state.timing = { ...state.timing, ...msg.timing };
      return { ok: true };
    }
    case 'cleared': {
      tabs.delete(tabId);
      await setBadge(tabId, null);
      return { ok: true };
    }
    default:
      return { ok: false, error: `unknown message ${msg.type}` };
  }
}

async function handleFromExtension(msg) {
  switch (msg.type) {
    case 'report': {
      const state = tabs.get(msg.tabId);
      if (!state) return { missing: true };
      return {
        report: state.report, url: state.url, host: state.host, scanId: state.scanId, title: state.title,
        lesson: state.lesson ?? null, ...(msg.withText ? { text: state.text } : {}),
      };
    }
    case 'text': {
      // The article text last read from a tab (for checking what was read).
      return { text: tabs.get(msg.tabId)?.text ?? null };
    }
    case 'stats': {
      const state = tabs.get(msg.tabId);
      return { coreLoadMs: coreLoadMs(), version: await coreVersion(), timing: state?.timing ?? null };
    }
    default:
      return { ok: false, error: `unknown message ${msg.type}` };
  }
}

api.runtime.onMessage.addListener((msg, sender, reply) => {
  if (!msg || typeof msg.type !== 'string' || sender.id !== api.runtime.id) return false;
  // Extension pages (the popup, even when opened in a tab) versus content scripts in web pages.
  const fromExtension = !sender.tab || String(sender.url ?? '').startsWith(api.runtime.getURL(''));
  const work = fromExtension ? handleFromExtension(msg) : handleFromTab(msg, sender);
  work.then(reply, (err) => reply({ ok: false, error: String(err?.message ?? err) }));
  return true;
});

api.tabs.onRemoved.addListener((tabId) => tabs.delete(tabId));

// Each content script keeps a port open to this worker while it runs; nothing is sent on it.
// When the extension is updated or reloaded the port disconnects, and that is how the old copy
// of the content script learns it must take down its markers (see content.js).
const ports = new Set();
api.runtime.onConnect.addListener((port) => {
  if (port.name !== 'sourcelight-tab' || port.sender?.id !== api.runtime.id) { port.disconnect(); return; }
  ports.add(port);
  port.onDisconnect.addListener(() => ports.delete(port));
});
