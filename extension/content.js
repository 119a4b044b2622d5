// Sourcelight's content script: finds the article, sends its text to the service worker,
// paints the claims it gets back, and keeps them up to date as the page grows.
// Safe to inject twice: a second copy tears the first one down (listeners, observer,
// markers, tooltip host) before it starts, so nothing is ever painted twice.
// Safe across updates: when the extension is updated, reloaded or removed, this copy's
// context is gone (runtime.id is undefined, messages throw). It notices at once through its
// port to the worker (which disconnects), or at the latest on the next event it handles, and
// takes down its own markers, tooltip host and listeners; it never removes a newer copy's.
(function () {
  'use strict';
  const api = globalThis.browser && globalThis.browser.runtime ? globalThis.browser : globalThis.chrome;
  const Page = globalThis.SourcelightPage;
  const SLOT = '__sourcelightContent';
  if (!Page || !api || !api.runtime || !api.runtime.id) return;
  if (globalThis[SLOT]) {
    try { globalThis[SLOT].teardown(); } catch { /* the old copy's extension context is gone */ }
  }

  const t0 = performance.now();
  const t = (key, subs = []) => api.i18n.getMessage(key, (Array.isArray(subs) ? subs : [subs]).map(String)) || key;
  const abort = new AbortController();
  let painter = null;
  let observer = null;
  let debounce = 0;
  let article = null;
  let scanId = null;
  let running = false; // a scan is in flight
  let current = null; // its promise
  let again = false; // the page changed while it was
  let enabled = false;
  let classroom = false;
  let revealed = false;
  let lesson = null; // a SourcelightPage.Lesson while lesson mode is on
  let generation = 0;
  let lastState = { status: 'idle' };
  let port = null; // open while the worker runs; its disconnect tells an update apart from a worker stop

  /** Is this copy's extension context still there (not updated, reloaded or removed)? */
  function alive() {
    try { return !!(api.runtime && api.runtime.id); } catch { return false; }
  }

  /** Called where this copy may find out it has been orphaned: everything of it goes. */
  function orphaned() {
    if (alive()) return false;
    teardown();
    return true;
  }

  /**
   * A port to the worker, opened when this copy talks to it. It disconnects when the worker
   * stops (then it is opened again with the next message) or when the extension goes away.
   */
  function connect() {
    if (port || !alive()) return;
    try {
      port = api.runtime.connect({ name: 'sourcelight-tab' });
      port.onDisconnect.addListener(() => {
        port = null;
        try { void api.runtime.lastError; } catch { /* context gone */ } // read, so it is not reported
        // The worker closes a moment before the extension's context is taken from this copy:
        // look again a few times (cheap, and it does not wake the worker as reconnecting would).
        if (!orphaned()) for (const ms of [50, 250, 1000, 3000]) setTimeout(orphaned, ms);
      });
    } catch {
      port = null;
      orphaned();
    }
  }

  function send(msg) {
    connect();
    return api.runtime.sendMessage(msg);
  }

  /** Messages to a worker the browser has just stopped may fail once: retry after it restarts. */
  async function ask(msg, tries = 3) {
    for (let i = 1; ; i++) {
      try {
        const reply = await send(msg);
        if (reply === undefined && i < tries) continue;
        return reply;
      } catch (err) {
        if (i >= tries || !api.runtime.id) throw err;
      }
    }
  }

  async function detail(id) {
    let reply = await ask({ type: 'detail', scanId, id });
    if (reply && reply.missing && enabled) {
      // The worker was stopped and lost this tab's report: scan again (same text, same
      // claims, the markers stay), then ask once more.
      await scan();
      reply = await ask({ type: 'detail', scanId, id });
    }
    return reply && !reply.missing ? reply.detail : null;
  }

  function ensurePainter() {
    if (!painter) painter = new Page.Painter({ doc: document, t, detail, alive });
    return painter;
  }

  /** One scan at a time; a change meanwhile asks for another one after it. */
  function scan() {
    if (running) { again = true; return current; }
    current = scanOnce();
    return current;
  }

  async function scanOnce() {
    running = true;
    const gen = ++generation;
    const started = performance.now();
    lastState = { status: 'scanning' };
    try {
      if (!article || !Page.isLive(article)) {
        article = Page.findArticle(document);
        watch();
      }
      if (!article) { lastState = { status: 'no-article' }; return; }
      const index = await Page.collectText(article, { isCancelled: () => gen !== generation });
      watchInside(index);
      const collectedAt = performance.now();
      const reply = await ask({ type: 'scan', text: index.text, url: location.href, host: location.hostname, title: document.title });
      if (gen !== generation) return;
      if (!reply || !reply.ok) throw new Error((reply && reply.error) || 'no answer from the service worker');
      const analyzedAt = performance.now();
      scanId = reply.scanId;
      classroom = reply.classroom;
      const p = ensurePainter();
      p.setKinds(reply.kinds);
      setLesson(!!reply.lesson);
      p.setHidden(hiddenNow());
      const done = await p.paint(index, reply.claims);
      if (!done || gen !== generation) return;
      if (lesson) lesson.setSentences(index, reply.sentences || []);
      const paintedAt = performance.now();
      lastState = { status: 'done', scanId, claims: reply.claims.length, flagged: reply.flagged, classroom, revealed };
      send({
        type: 'painted', scanId,
        timing: {
          startedAt: t0, scanStartedAt: started, paintedAt,
          sinceStartMs: paintedAt - t0, scanMs: paintedAt - started, collectMs: collectedAt - started,
          roundTripMs: analyzedAt - collectedAt, paintMs: paintedAt - analyzedAt, textLength: index.text.length,
          longestSliceMs: Math.max(index.maxSliceMs, p.maxSliceMs),
        },
      }).catch(() => {});
    } catch (err) {
      if (err && err.name === 'Cancelled') return;
      if (orphaned()) return;
      lastState = { status: 'error', error: String((err && err.message) || err) };
      if (painter) painter.clear();
    } finally {
      running = false;
      if (again && enabled) { again = false; scheduleScan(300); }
    }
  }

  /** Markers are hidden in classroom mode until revealed, and in lesson mode until checked. */
  function hiddenNow() {
    if (lesson && !lesson.result) return true;
    return classroom && !revealed;
  }

  function lessonState() {
    return lesson ? lesson.state() : { on: false };
  }

  /** Lesson mode on or off, as the settings say. */
  function setLesson(on) {
    if (on && !lesson) {
      lesson = new Page.Lesson({
        painter: ensurePainter(), t,
        onCheck: async (chosen) => {
          let reply = await ask({ type: 'lesson-check', scanId, chosen });
          if (reply && reply.missing && enabled) {
            await scan();
            reply = await ask({ type: 'lesson-check', scanId, chosen });
          }
          return reply && reply.result ? reply.result : null;
        },
        onChange: () => {
          if (lesson && lesson.result) revealed = true;
          if (painter) painter.setHidden(hiddenNow());
          lastState = { ...lastState, revealed };
        },
      });
    } else if (!on && lesson) {
      lesson.destroy();
      lesson = null;
    }
  }

  function scheduleScan(delay = 500) {
    clearTimeout(debounce);
    debounce = setTimeout(() => { if (enabled && !orphaned()) scan(); }, delay);
  }

  /**
   * Re-scan (debounced) when the article changes or grows, or is taken out of the page
   * (a rewritten or replaced body: the article is found again); ignores everything else.
   */
  const OBSERVE = { childList: true, subtree: true, characterData: true };
  let observed = new Set(); // shadow roots and frame documents observed besides the page

  function watch() {
    if (observer) observer.disconnect();
    observed = new Set();
    if (!article) return;
    observer = new MutationObserver((records) => {
      if (orphaned()) return;
      const gone = !article || !Page.isLive(article);
      let touched = gone;
      for (let i = 0; !touched && i < records.length; i++) {
        const r = records[i];
        if (r.type === 'characterData' || r.addedNodes.length || r.removedNodes.length) touched = Page.containsDeep(article, r.target);
      }
      if (!touched) return;
      if (gone) article = null;
      if (running) again = true;
      else scheduleScan(500);
    });
    observer.observe(document.documentElement, OBSERVE);
  }

  /** Changes inside the open shadow roots and same-origin frames the article was read from. */
  function watchInside(index) {
    if (!observer) return;
    for (const scope of [...index.shadowRoots, ...index.docs]) {
      if (scope === document || observed.has(scope)) continue;
      const target = scope.nodeType === 9 ? scope.documentElement : scope;
      if (!target) continue;
      try { observer.observe(target, OBSERVE); observed.add(scope); } catch { /* a frame that went away */ }
    }
  }

  /** A frame in the article (or any frame, while no article is found) that loads is read again. */
  function onFrameLoad(e) {
    const el = e.target;
    if (!enabled || !el || (el.tagName !== 'IFRAME' && el.tagName !== 'FRAME')) return;
    if (orphaned()) return;
    if (article && !Page.containsDeep(article, el)) return;
    if (running) again = true;
    else scheduleScan(100);
  }

  function start() {
    enabled = true;
    scan();
  }

  function stop() {
    enabled = false;
    generation++;
    clearTimeout(debounce);
    if (observer) { observer.disconnect(); observer = null; }
    if (painter) painter.clear();
    setLesson(false);
    article = null;
    scanId = null;
    lastState = { status: 'off' };
    send({ type: 'cleared' }).catch(() => {});
  }

  function teardown() {
    enabled = false;
    generation++;
    clearTimeout(debounce);
    if (observer) observer.disconnect();
    observer = null;
    setLesson(false);
    if (painter) painter.destroy();
    painter = null;
    abort.abort();
    if (port) { try { port.disconnect(); } catch { /* context gone */ } port = null; }
    try { api.runtime.onMessage.removeListener(onMessage); } catch { /* context gone */ }
    try { api.storage.onChanged.removeListener(onStorage); } catch { /* context gone */ }
    if (globalThis[SLOT] && globalThis[SLOT].teardown === teardown) delete globalThis[SLOT];
  }

  function onMessage(msg, sender, reply) {
    if (orphaned() || !msg || sender.id !== api.runtime.id) return false;
    switch (msg.type) {
      case 'state':
        reply({ host: location.hostname, url: location.href, title: document.title, enabled, running, ...lastState, lesson: lessonState() });
        return false;
      case 'scan-now': {
        // From the popup: scan (or re-scan) now and answer when the markers are painted.
        enabled = true;
        clearTimeout(debounce);
        (current || Promise.resolve()).then(scan).then(() => reply({ ...lastState, host: location.hostname, lesson: lessonState() }));
        return true;
      }
      case 'stop':
        stop();
        reply({ ok: true });
        return false;
      case 'reveal':
        revealed = true;
        if (painter) painter.setHidden(false);
        lastState = { ...lastState, revealed };
        reply({ ok: true });
        return false;
      case 'lesson-check':
        // From the popup: the same as the panel's Check button.
        if (!lesson) { reply({ lesson: lessonState() }); return false; }
        lesson.check().then(() => reply({ lesson: lessonState() }), (err) => reply({ error: String((err && err.message) || err) }));
        return true;
      case 'flash':
        reply({ ok: !!(painter && painter.flash(msg.id)) });
        return false;
      default:
        return false;
    }
  }

  async function onStorage(changes, area) {
    if (orphaned() || area !== 'sync' || !changes.settings) return;
    let cfg;
    try { cfg = await ask({ type: 'config', host: location.hostname, fresh: true }); } catch { return; }
    if (!cfg) return;
    if (cfg.run && !enabled) start();
    else if (!cfg.run && enabled) stop();
    else if (enabled) scheduleScan(0);
  }

  api.runtime.onMessage.addListener(onMessage);
  api.storage.onChanged.addListener(onStorage);
  document.addEventListener('load', onFrameLoad, { capture: true, passive: true, signal: abort.signal });
  globalThis[SLOT] = { teardown };

  (async () => {
    let cfg;
    try { cfg = await ask({ type: 'config', host: location.hostname }); } catch { return; }
    if (cfg && cfg.run) start();
    else lastState = { status: 'off' };
  })();
})();
