// Sourcelight's page glue, shared by the content script and the www demo:
//   findArticle(doc)              the article's root element on real-world layouts
//   collectText(root, opts)       its text (what the core reads) with a map back to DOM text nodes
//   Painter                       markers (CSS Custom Highlight API) and tooltips (closed shadow root)
//
// It is a classic script, not an ES module, because content scripts cannot be modules;
// it defines one frozen namespace, `globalThis.SourcelightPage`, once per version, so
// injecting it twice is harmless. In a content script that global lives in the extension's
// isolated world, out of the page's reach. It never adds, removes or changes a page element,
// except the single tooltip host it appends to <html> when a tooltip is first shown.
//
// The page is read as it is rendered (the flat tree): into open shadow roots (through their
// slots) and same-origin, unsandboxed iframes; closed shadow roots, cross-origin and sandboxed
// frames are left alone. Every walk over the tree is iterative (an explicit stack or parent
// pointers), never recursive, so no nesting depth can exhaust the call stack.
(function () {
  'use strict';
  const VERSION = 3;
  if (globalThis.SourcelightPage && globalThis.SourcelightPage.version === VERSION) return;

  const KINDS = ['anonymous', 'vague', 'unverified', 'report', 'organisation', 'named'];

  // ---- finding the article ---------------------------------------------------------

  const SKIP_TAGS = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE',
    'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED',
    'SVG', 'MATH', 'CANVAS', 'VIDEO', 'AUDIO', 'DIALOG', 'MENU', 'HEAD', 'TITLE', 'META', 'LINK', 'IMG',
    'PICTURE', 'SOURCE', 'MAP', 'DATALIST', 'OUTPUT', 'METER', 'PROGRESS',
    // Photo captions and credits: not the article's prose.
    'FIGCAPTION']);
  const SKIP_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu',
    'menubar', 'dialog', 'alertdialog', 'toolbar', 'tablist', 'form']);
  // Class or id words of page furniture. A word counts at the start or the end of a class
  // token ("comments", "comment-list", "l-sidebar"), not in its middle, where layout
  // names keep it ("panel-two-col-sidebar-right-mix" holds an article).
  const NOISE_WORDS = 'comments?|commentlist|disqus|respond|replies|related|recommended|recommendations|share|sharing|social|promo|newsletter|subscribe|signup|advert|advertisement|ads|ad|sponsor|sponsored|sidebar|widget|breadcrumbs?|masthead|popup|modal|cookie|consent|outbrain|taboola|paywall|trending|footer|nav|navbar|menu|skip';
  const NOISE_START = new RegExp(`^(?:${NOISE_WORDS})(?:[-_]|$)`);
  const NOISE_END = new RegExp(`(?:^|[-_])(?:${NOISE_WORDS})$`);
  const NOISE_PHRASE = /most-popular|read-more|more-stories|skip-link|ad-slot/;
  const BLOCK_TAGS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'BLOCKQUOTE', 'LI', 'UL', 'OL', 'DL',
    'DT', 'DD', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'TD', 'TH',
    'CAPTION', 'FIGURE', 'FIGCAPTION', 'HR', 'ADDRESS', 'DETAILS', 'SUMMARY', 'CENTER', 'BODY', 'HTML', 'FIELDSET',
    'LEGEND', 'HGROUP']);

  function classAndId(el) {
    const cls = typeof el.className === 'string' ? el.className : (el.getAttribute && el.getAttribute('class')) || '';
    return `${cls} ${el.id || ''}`;
  }

  function isNoise(names) {
    if (!names.trim()) return false;
    for (const raw of names.split(/\s+/)) {
      if (!raw) continue;
      const token = raw.toLowerCase();
      if (NOISE_START.test(token) || NOISE_END.test(token) || NOISE_PHRASE.test(token)) return true;
    }
    return false;
  }

  const FRAME_TAGS = new Set(['IFRAME', 'FRAME']);

  /**
   * The document of a same-origin, unsandboxed frame element, or null: a cross-origin frame's
   * document cannot be read (null), and a sandboxed frame is left alone whatever its origin.
   */
  function frameDocument(el) {
    if (!el || !FRAME_TAGS.has(el.tagName.toUpperCase()) || el.hasAttribute('sandbox')) return null;
    let doc = null;
    try { doc = el.contentDocument; } catch { return null; }
    return doc && doc.body && doc.defaultView ? doc : null;
  }

  /**
   * The parent in the rendered tree: the parent element, the host of a shadow root, or the
   * frame element of a frame's document (null at the top document).
   */
  function up(node) {
    if (node.parentElement) return node.parentElement;
    const parent = node.parentNode;
    if (!parent) return null;
    if (parent.nodeType === 11 && parent.host) return parent.host; // a shadow root
    if (parent.nodeType === 9) { // a frame's <html>
      try { return (parent.defaultView && parent.defaultView.frameElement) || null; } catch { return null; }
    }
    return null;
  }

  /** Does `a` hold `b` in the rendered tree (through shadow roots and frames)? */
  function containsDeep(a, b) {
    for (let n = b; n; n = up(n)) if (n === a) return true;
    return false;
  }

  /** Is the node in a live document: connected, and every frame it sits in still attached? */
  function isLive(node) {
    if (!node || !node.isConnected) return false;
    for (let doc = node.ownerDocument; doc;) {
      const win = doc.defaultView;
      if (!win) return false;
      let frame = null;
      try { frame = win.frameElement; } catch { return false; }
      if (!frame) return true; // the top document (or one whose parent we cannot see)
      if (!frame.isConnected) return false;
      doc = frame.ownerDocument;
    }
    return false;
  }

  /** Is this element (and so its whole subtree) outside what a reader reads as the article? */
  function skipElement(el, view) {
    const tag = el.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag) && !(FRAME_TAGS.has(tag) && frameDocument(el))) return true;
    if (el.hidden || el.getAttribute('aria-hidden') === 'true' || el.inert) return true;
    const role = el.getAttribute('role');
    if (role && SKIP_ROLES.has(role)) return true;
    if (el.isContentEditable || el.getAttribute('contenteditable') != null) return true;
    if (isNoise(classAndId(el))) return true;
    if (view) {
      const style = (el.ownerDocument === view.document ? view : viewOf(el.ownerDocument) || view).getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || style.contentVisibility === 'hidden') return true;
    }
    return false;
  }

  function viewOf(doc) {
    return doc.defaultView && typeof doc.defaultView.getComputedStyle === 'function' ? doc.defaultView : null;
  }

  /**
   * Where the page's text can be: the document, and every open shadow root and same-origin
   * frame document in it (found by one iterative walk over the elements).
   */
  function scopes(doc) {
    const out = [doc];
    for (let i = 0; i < out.length; i++) {
      const scope = out[i];
      const start = scope.nodeType === 9 ? scope.documentElement : scope;
      if (!start) continue;
      let el = scope.nodeType === 9 ? start : start.firstElementChild;
      const stop = scope.nodeType === 9 ? null : scope;
      while (el) {
        if (el.shadowRoot) out.push(el.shadowRoot);
        let descend = true;
        if (FRAME_TAGS.has(el.tagName)) {
          const inner = frameDocument(el);
          if (inner) out.push(inner);
          descend = false;
        } else if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE' || el.tagName === 'TEMPLATE') {
          descend = false;
        }
        if (descend && el.firstElementChild) { el = el.firstElementChild; continue; }
        while (el && el !== stop && !el.nextElementSibling) {
          el = el.parentElement;
          if (el === start && stop === null) el = null;
        }
        if (!el || el === stop) break;
        el = el.nextElementSibling;
      }
    }
    return out;
  }

  /** Paragraph-level text lengths on the page, skipping navigation, comments and hidden parts. */
  function paragraphs(doc, view, where) {
    const out = [];
    const found = [];
    for (const scope of where) {
      const base = scope.nodeType === 9 ? scope.body : scope;
      if (base) found.push(...base.querySelectorAll('p, pre, blockquote, li, td, h2, h3'));
    }
    for (const p of found) {
      const len = (p.textContent || '').replace(/\s+/g, ' ').trim().length;
      if (len < 25) continue;
      let skip = false;
      for (let el = p; el && el !== doc.body && el !== doc.documentElement; el = up(el)) {
        if (el.nodeType === 1 && skipElement(el, null)) { skip = true; break; }
        if (view && FRAME_TAGS.has(el.tagName) && el.getClientRects().length === 0) { skip = true; break; }
      }
      if (skip) continue;
      if (view && p.getClientRects().length === 0) continue; // display:none somewhere above
      out.push({ el: p, len: p.tagName === 'LI' || p.tagName === 'TD' ? len / 2 : len });
    }
    return out;
  }

  /**
   * The element holding the article: [itemprop=articleBody], <article>, <main>, or the densest
   * block of paragraph text; a semantic candidate wins when it holds most of the densest block's text.
   */
  function findArticle(doc = document) {
    if (!doc.body) return null;
    const view = viewOf(doc);
    const where = scopes(doc);
    const paras = paragraphs(doc, view, where);
    const score = new Map();
    const total = new Map();
    for (const { el, len } of paras) {
      const parent = up(el);
      if (parent) score.set(parent, (score.get(parent) || 0) + len);
      const grand = parent && up(parent);
      if (grand) score.set(grand, (score.get(grand) || 0) + len / 2);
      for (let a = parent; a; a = up(a)) total.set(a, (total.get(a) || 0) + len);
    }
    let dense = null;
    let best = 0;
    for (const [el, s] of score) if (s > best) { best = s; dense = el; }
    if (!dense) {
      return doc.querySelector('[itemprop~="articleBody"], article, main, [role="main"]') || doc.body;
    }
    // Articles split into sibling columns of paragraphs (the block, or its parent, has
    // siblings of the same tag and class that hold paragraphs): take their common parent.
    const sig = (e) => `${e.tagName}.${typeof e.className === 'string' ? e.className.trim().split(/\s+/)[0] : ''}`;
    for (let level = 0, node = dense; level < 8 && node; level++, node = node.parentElement) {
      const parent = node.parentElement;
      if (!parent || parent === doc.body || parent === doc.documentElement) break;
      const mine = sig(node);
      let more = 0;
      for (const s of parent.children) if (s !== node && sig(s) === mine) more += total.get(s) || 0;
      if (more >= 0.2 * (total.get(node) || 0) && more > 0) { dense = parent; break; }
    }
    // Paragraphs right beside the block (an intro before a "read more" part): take the parent.
    {
      const parent = dense.parentElement;
      if (parent && parent !== doc.body && parent !== doc.documentElement) {
        let beside = 0;
        for (const { el, len } of paras) if (el.parentElement === parent) beside += len;
        if (beside >= 0.15 * (total.get(dense) || 0)) dense = parent;
      }
    }
    const denseTotal = total.get(dense) || 0;
    const semantic = [];
    for (const sel of ['[itemprop~="articleBody"]', 'article', 'main, [role="main"]']) {
      for (const scope of where) semantic.push(...scope.querySelectorAll(sel));
    }
    // The innermost articleBody or <article> around the densest block is the article;
    // a <main> only when it adds little to it; one inside the block when it holds most of it.
    let pick = null;
    for (const el of semantic) {
      const t = total.get(el) || 0;
      const isMain = el.tagName === 'MAIN' || el.getAttribute('role') === 'main';
      if (containsDeep(el, dense) && (!isMain || t <= denseTotal * 1.6)) {
        if (!pick || containsDeep(pick, el)) pick = el;
      } else if (containsDeep(dense, el) && t >= denseTotal * 0.75 && !pick) {
        pick = el;
      }
    }
    return pick || dense;
  }

  // ---- collecting text ----------------------------------------------------------------

  const now = () => performance.now();

  /** Gives the main thread back (scheduler.yield where there is one, else a macrotask). */
  function yieldToMain() {
    if (globalThis.scheduler && typeof globalThis.scheduler.yield === 'function') return globalThis.scheduler.yield();
    return new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { ch.port1.close(); resolve(); };
      ch.port2.postMessage(0);
    });
  }

  class Cancelled extends Error {
    constructor() { super('cancelled'); this.name = 'Cancelled'; }
  }

  /**
   * The article's text, as the core reads it, and a map back to the DOM:
   * text nodes are copied whole (line breaks inside them become spaces, so every offset is
   * kept), and block boundaries become "\n\n" (a <br>, "\n") between them. Offsets are UTF-16,
   * like the Report's. Works in slices of `budgetMs` so no task blocks the page for long.
   */
  async function collectText(root, { budgetMs = 8, isCancelled = () => false, skip = null } = {}) {
    const doc = root.ownerDocument || document;
    const view = viewOf(doc);
    const parts = [];
    const nodes = [];
    const starts = [];
    const lens = [];
    const docs = new Set([doc]); // every document read (the page, same-origin frames)
    const shadowRoots = new Set(); // every open shadow root read
    let length = 0;
    let pending = 2; // 0: none, 1: "\n", 2: "\n\n" (leading indentation is dropped too)
    let sliceStart = now();
    let maxSliceMs = 0;

    const emit = (node) => {
      const data = node.data;
      if (!data) return;
      if (pending && /^\s*$/.test(data)) return; // indentation between blocks
      if (pending && length > 0) {
        const sep = pending === 2 ? '\n\n' : '\n';
        parts.push(sep);
        length += sep.length;
      }
      pending = 0;
      nodes.push(node);
      starts.push(length);
      lens.push(data.length);
      parts.push(/[\n\r\t\f\v]/.test(data) ? data.replace(/[\n\r\t\f\v]/g, ' ') : data);
      length += data.length;
    };

    // What is rendered inside an element, in order (the flat tree): an open shadow root's
    // children instead of the element's own; a slot's assigned nodes (or its fallback
    // children); a same-origin frame's <body>. A frame on the stack is either a sibling
    // cursor ({ next }) or a list ({ list, i }); `block` says a block ends when it is done.
    const contents = (el, block) => {
      if (el.shadowRoot) {
        shadowRoots.add(el.shadowRoot);
        return { next: el.shadowRoot.firstChild, list: null, i: 0, block };
      }
      if (el.tagName === 'SLOT' && typeof el.assignedNodes === 'function') {
        const assigned = el.assignedNodes();
        if (assigned.length) return { next: null, list: assigned, i: 0, block };
      } else if (FRAME_TAGS.has(el.tagName)) {
        const inner = frameDocument(el);
        if (inner) docs.add(inner);
        return { next: null, list: inner ? [inner.body] : [], i: 0, block: true };
      }
      return { next: el.firstChild, list: null, i: 0, block };
    };

    const stack = [{ ...contents(root, false), block: false }];
    let steps = 0;
    while (stack.length) {
      if ((++steps & 127) === 0 && now() - sliceStart > budgetMs) {
        maxSliceMs = Math.max(maxSliceMs, now() - sliceStart);
        await yieldToMain();
        if (isCancelled() || !isLive(root)) throw new Cancelled();
        sliceStart = now();
      }
      const top = stack[stack.length - 1];
      let node;
      if (top.list) node = top.i < top.list.length ? top.list[top.i++] : null;
      else { node = top.next; if (node) top.next = node.nextSibling; }
      if (!node) {
        stack.pop();
        if (top.block) pending = 2;
        continue;
      }
      if (node.nodeType === 3) {
        emit(node);
      } else if (node.nodeType === 1) {
        if (node.tagName === 'BR') {
          if (pending < 1) pending = 1;
        } else if (!(skip && skip(node)) && !skipElement(node, view)) {
          const block = BLOCK_TAGS.has(node.tagName);
          if (block) pending = 2;
          stack.push(contents(node, block));
        }
      }
    }
    const text = parts.join('');
    const nodeIndex = new WeakMap();
    for (let i = 0; i < nodes.length; i++) nodeIndex.set(nodes[i], i);
    maxSliceMs = Math.max(maxSliceMs, now() - sliceStart);
    return { text, nodes, starts, lens, nodeIndex, root, docs: [...docs], shadowRoots: [...shadowRoots], maxSliceMs };
  }

  /** Index of the last segment starting at or before `pos` (-1 if none). */
  function segmentAt(index, pos) {
    const { starts } = index;
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= pos) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  }

  function nodeIntact(index, i) {
    const n = index.nodes[i];
    return isLive(n) && n.data.length === index.lens[i];
  }

  /**
   * A DOM Range for text offsets [start, end) (UTF-16), across element boundaries; null if
   * stale. A range cannot leave its tree, so a span that runs on into another document or
   * shadow tree is cut where its first tree ends.
   */
  function rangeFor(index, start, end) {
    if (!(end > start) || index.nodes.length === 0) return null;
    let i = segmentAt(index, start);
    if (i < 0) i = 0;
    if (index.starts[i] + index.lens[i] <= start) i++; // start in a block gap: next text node
    let j = segmentAt(index, end - 1);
    if (i >= index.nodes.length || j < i) return null;
    if (j > i) {
      const tree = index.nodes[i].getRootNode();
      if (index.nodes[j].getRootNode() !== tree) {
        while (j > i && index.nodes[j].getRootNode() !== tree) j--;
        end = index.starts[j] + index.lens[j];
      }
    }
    if (!nodeIntact(index, i) || !nodeIntact(index, j)) return null;
    const range = index.nodes[i].ownerDocument.createRange();
    range.setStart(index.nodes[i], Math.max(0, start - index.starts[i]));
    range.setEnd(index.nodes[j], Math.min(index.lens[j], end - index.starts[j]));
    return range;
  }

  /** Text offset of a DOM point (text node + offset) in the collected text, or -1. */
  function offsetOf(index, node, offset) {
    const i = index.nodeIndex.get(node);
    return i === undefined ? -1 : index.starts[i] + offset;
  }

  // ---- painting -------------------------------------------------------------------------

  function luminance(cssColor) {
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/.exec(cssColor || '');
    if (!m) return null;
    const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(+m[1]) + 0.7152 * lin(+m[2]) + 0.0722 * lin(+m[3]);
  }

  /** Light text means a dark page: the markers switch to their dark-page colours. */
  function isDark(el) {
    const view = viewOf(el.ownerDocument);
    if (!view) return false;
    const l = luminance(view.getComputedStyle(el).color);
    return l != null && l > 0.4;
  }

  const TOOLTIP_CSS = `
:host { all: initial; }
.tip { position: fixed; z-index: 2147483647; box-sizing: border-box; max-width: min(24rem, calc(100vw - 16px));
  padding: 10px 12px; border-radius: 8px; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif;
  background: #fffdf7; color: #1d1d1f; border: 1px solid #b8b3a6; box-shadow: 0 4px 18px rgba(0,0,0,.25);
  pointer-events: none; text-align: left; white-space: normal; }
.tip.dark { background: #1f2023; color: #f1f1f1; border-color: #5a5d63; }
.kind { font-weight: 700; display: flex; align-items: center; gap: 6px; margin-bottom: 4px; }
.swatch { display: inline-block; width: 1.6em; font-size: 12px; line-height: 1; }
.swatch::before { content: "\\00a0\\00a0\\00a0\\00a0"; text-decoration-line: underline; text-decoration-thickness: 2px; }
.k-anonymous .swatch::before { text-decoration-style: wavy; text-decoration-color: #d9480f; }
.k-vague .swatch::before { text-decoration-style: dotted; text-decoration-color: #9c36b5; text-decoration-thickness: 3px; }
.k-unverified .swatch::before { text-decoration-style: dashed; text-decoration-color: #c92a2a; }
.k-report .swatch::before { text-decoration-style: double; text-decoration-color: #1971c2; }
.k-organisation .swatch::before { text-decoration-style: solid; text-decoration-color: #2b8a3e; }
.k-named .swatch::before { text-decoration-style: solid; text-decoration-color: #5c677d; text-decoration-thickness: 1px; }
.dark.k-anonymous .swatch::before { text-decoration-color: #ffa94d; } .dark.k-vague .swatch::before { text-decoration-color: #e599f7; }
.dark.k-unverified .swatch::before { text-decoration-color: #ff8787; } .dark.k-report .swatch::before { text-decoration-color: #74c0fc; }
.dark.k-organisation .swatch::before { text-decoration-color: #8ce99a; } .dark.k-named .swatch::before { text-decoration-color: #ced4da; }
.src, .cue { margin: 2px 0; } .cue { opacity: .8; font-size: 13px; }
.checks { margin: 6px 0 2px; } .checks h3 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; margin: 0 0 2px; opacity: .8; }
.checks ul { margin: 0; padding: 0; list-style: none; } .checks li { margin: 1px 0; }
.checks li::before { display: inline-block; width: 1.3em; font-weight: 700; }
.checks li.ok::before { content: "✓"; color: #2b8a3e; } .checks li.miss::before { content: "✗"; color: #c92a2a; }
.dark .checks li.ok::before { color: #69db7c; } .dark .checks li.miss::before { color: #ff8787; }
.expl { margin: 6px 0 0; }
`;

  // The lesson panel: in the tooltip host's shadow root (extension, floating) or in a page's
  // own element (the www demo). Every selector is under .sl-lesson.
  const LESSON_CSS = `
.sl-lesson { box-sizing: border-box; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; text-align: left; }
.sl-lesson.floating { position: fixed; right: 12px; bottom: 12px; z-index: 2147483647; width: min(22rem, calc(100vw - 24px));
  max-height: min(60vh, 32rem); overflow: auto; padding: 10px 12px; border-radius: 8px; pointer-events: auto;
  background: #fffdf7; color: #1d1d1f; border: 1px solid #b8b3a6; box-shadow: 0 4px 18px rgba(0,0,0,.25); }
.sl-lesson.floating.dark { background: #1f2023; color: #f1f1f1; border-color: #5a5d63; }
.sl-lesson h2 { font-size: 15px; margin: 0 0 4px; }
.sl-lesson .head { display: flex; align-items: baseline; justify-content: space-between; gap: 8px; }
.sl-lesson .fold { min-width: 1.8em; }
.sl-lesson.folded > :not(.head) { display: none; }
.sl-lesson p { margin: 4px 0; }
.sl-lesson button { font: inherit; cursor: pointer; }
.sl-lesson .sentences { list-style: none; margin: 4px 0; padding: 0; max-height: 14rem; overflow: auto; }
.sl-lesson .sentences button { all: unset; box-sizing: border-box; display: block; width: 100%; padding: 3px 4px 3px 1.6em; text-indent: -1.3em;
  cursor: pointer; border-top: 1px solid rgba(128,128,128,.3); }
.sl-lesson .sentences button::before { content: "☐"; display: inline-block; width: 1.3em; text-indent: 0; }
.sl-lesson .sentences button[aria-pressed="true"]::before { content: "☑"; }
.sl-lesson .sentences button[aria-pressed="true"] { background: rgba(77,171,247,.22); }
.sl-lesson .sentences button:focus-visible, .sl-lesson summary:focus-visible { outline: 2px solid #1971c2; }
.sl-lesson .score { display: flex; gap: 12px; font-weight: 700; flex-wrap: wrap; }
.sl-lesson .items { list-style: none; margin: 6px 0 0; padding: 0; }
.sl-lesson .items li { border-top: 1px solid rgba(128,128,128,.3); padding: 4px 0; }
.sl-lesson .verdict { font-weight: 700; } .sl-lesson .v-found .verdict { color: #2b8a3e; }
.sl-lesson .v-missed .verdict { color: #c92a2a; } .sl-lesson .v-notFlag .verdict { color: #b3470d; }
.sl-lesson .sentence { font-style: italic; } .sl-lesson .expl { margin: 2px 0 0; }
`;

  /**
   * A document's highlight registry (CSS.highlights of its window), or null. For this script's
   * own document, the global one (in a Firefox content script the page's window is seen
   * through an Xray wrapper, where `CSS` may not be reachable).
   */
  function registryOf(doc) {
    if (!doc) return null;
    if (doc === globalThis.document) return typeof CSS !== 'undefined' && CSS.highlights ? CSS.highlights : null;
    const win = doc.defaultView;
    try { return win && win.CSS && win.CSS.highlights ? win.CSS.highlights : null; } catch { return null; }
  }

  /** The Highlight constructor of `doc`'s window (this script's own for its document). */
  function highlightClass(doc) {
    if (doc === globalThis.document || !doc.defaultView) return typeof Highlight === 'function' ? Highlight : null;
    try { return doc.defaultView.Highlight || (typeof Highlight === 'function' ? Highlight : null); } catch { return null; }
  }

  /**
   * Paints claims on one collected article and shows their tooltips.
   *   new Painter({ doc, t, detail, prefix, alive })
   *   t(key, subs)         UI strings (the extension's i18n, or the demo's)
   *   detail(id) → Promise<claim detail | null>   (see report.js claimDetail)
   *   alive() → false once the code that made it is gone (an extension that was updated or
   *                        removed): the painter then takes down what it painted, and nothing else
   * Highlights live in each document's own registry (a same-origin frame has its own), one per
   * kind. A painter only ever removes the registrations it made itself, so an older copy being
   * taken down never wipes a newer one's markers.
   */
  class Painter {
    constructor({ doc = document, t = (k) => k, detail = async () => null, prefix = 'sourcelight', checkLines = null, alive = () => true } = {}) {
      this.doc = doc;
      this.alive = alive;
      this.t = t;
      this.detail = detail;
      this.prefix = prefix;
      this.checkLines = checkLines || defaultCheckLines;
      this.kinds = new Set(['anonymous', 'vague', 'unverified', 'report']);
      this.hidden = false;
      this.painted = false;
      this.dark = false;
      this.index = null;
      this.items = []; // { id, kind, start, end, range } sorted by start
      this.byKey = new Map();
      this.highlights = new Map(); // document -> Map(kind -> Highlight)
      this.listening = new Set(); // documents whose events are listened to
      this.details = new Map();
      this.generation = 0;
      this.shown = null;
      this.host = null;
      this.shadow = null;
      this.tip = null;
      this.flashTimer = 0;
      this.abort = new AbortController();
      this.moveFrame = 0;
      this.lastPoint = null;
      this.shadowRoots = [];
      // Markers left by an earlier copy whose extension was updated (it can no longer run to
      // take them down itself) are dropped: this painter is the page's only live one.
      const registry = registryOf(doc);
      if (registry) {
        // forEach, not an iterator: Firefox's content scripts cannot iterate the page's maplikes.
        const stale = [];
        try { registry.forEach((_, name) => { if (String(name).startsWith(`${prefix}-`)) stale.push(name); }); } catch { /* none read */ }
        for (const name of stale) registry.delete(name);
      }
      this.listen(doc);
    }

    /** The Highlight of `kind` in `doc`'s registry (made in that document's own window). */
    highlightFor(doc, kind) {
      let byKind = this.highlights.get(doc);
      if (!byKind) {
        byKind = new Map();
        const H = highlightClass(doc);
        KINDS.forEach((k, i) => {
          const h = new H();
          h.priority = KINDS.length - i;
          byKind.set(k, h);
        });
        this.highlights.set(doc, byKind);
        if (doc !== this.doc) this.listen(doc);
      }
      return byKind.get(kind);
    }

    /** Takes this painter's registration `name` out of `registry` (another's stays). */
    unregister(registry, name, mine) {
      if (registry.get(name) === mine) registry.delete(name);
    }

    name(kind) {
      return `${this.prefix}-${kind}${this.dark ? '-dark' : ''}`;
    }

    /** Claims of kinds in `kinds` get markers (a Set or array of kind names). */
    setKinds(kinds) {
      this.kinds = new Set(kinds);
      this.register();
    }

    /** Classroom mode: markers hidden until revealed. */
    setHidden(hidden) {
      this.hidden = !!hidden;
      if (this.hidden) this.hideTip();
      this.register();
    }

    register() {
      if (!this.alive()) { this.destroy(); return; }
      for (const [doc, byKind] of this.highlights) {
        const registry = registryOf(doc);
        if (!registry) { this.highlights.delete(doc); continue; } // a frame that went away
        for (const kind of KINDS) {
          const h = byKind.get(kind);
          const show = this.painted && !this.hidden && this.kinds.has(kind);
          for (const suffix of ['', '-dark']) {
            const name = `${this.prefix}-${kind}${suffix}`;
            if (show && name === this.name(kind)) registry.set(name, h);
            else this.unregister(registry, name, h);
          }
        }
      }
    }

    /**
     * Paints `claims` ([[id, kindIndex, start, end], …] over `index`'s text). Claims painted
     * before at the same place keep their ranges (a growing page repaints only what is new).
     */
    async paint(index, claims, { budgetMs = 8 } = {}) {
      const gen = ++this.generation;
      this.maxSliceMs = 0;
      this.details.clear();
      this.highlightFor(this.doc, KINDS[0]); // the page's own registry always holds the kinds
      this.shadowRoots = index.shadowRoots || [];
      if (this.index === null || this.index.root !== index.root) this.dark = isDark(index.root);
      const sameText = this.index && this.index.root === index.root;

      this.index = index;
      const next = new Map();
      const items = [];
      let sliceStart = now();
      for (let n = 0; n < claims.length; n++) {
        if ((n & 63) === 63 && now() - sliceStart > budgetMs) {
          this.maxSliceMs = Math.max(this.maxSliceMs, now() - sliceStart);
          await yieldToMain();
          if (gen !== this.generation) return false;
          sliceStart = now();
        }
        const [id, k, start, end] = claims[n];
        const kind = KINDS[k];
        if (!kind) continue;
        const key = `${k}:${start}:${end}`;
        let item = sameText ? this.byKey.get(key) : undefined;
        if (item && !item.range.collapsed && isLive(item.range.startContainer)) {
          this.byKey.delete(key);
          item.id = id;
        } else {
          const range = rangeFor(index, start, end);
          if (!range) continue;
          item = { id, kind, start, end, range };
          this.highlightFor(range.startContainer.ownerDocument, kind).add(range);
        }
        next.set(key, item);
        items.push(item);
      }
      for (const old of this.byKey.values()) this.highlightFor(old.range.startContainer.ownerDocument, old.kind).delete(old.range);
      this.byKey = next;
      items.sort((a, b) => a.start - b.start || b.end - a.end);
      this.items = items;
      this.painted = true;
      // Registered once, after all ranges are in: each registry change restyles the page, so
      // one change costs one restyle (adding ranges to registered highlights costs one per frame).
      this.register();
      this.maxSliceMs = Math.max(this.maxSliceMs, now() - sliceStart);
      if (this.shown) this.hideTip();
      return true;
    }

    /** Removes every marker and unregisters the highlights (the tooltip host stays until destroy). */
    clear() {
      this.generation++;
      for (const byKind of this.highlights.values()) for (const h of byKind.values()) h.clear();
      this.byKey.clear();
      this.items = [];
      this.index = null;
      this.hideTip();
      this.painted = false;
      this.register();
    }

    /** Everything off: markers, listeners, the tooltip host. */
    destroy() {
      if (this.destroyed) return;
      this.destroyed = true;
      this.generation++;
      this.abort.abort();
      for (const [doc, byKind] of this.highlights) {
        const registry = registryOf(doc);
        for (const [kind, h] of byKind) {
          if (registry) for (const suffix of ['', '-dark']) this.unregister(registry, `${this.prefix}-${kind}${suffix}`, h);
          h.clear();
        }
        if (registry && this.flashing && this.flashing.doc === doc) this.unregister(registry, `${this.prefix}-flash`, this.flashing.h);
      }
      this.highlights.clear();
      this.byKey.clear();
      this.items = [];
      this.index = null;
      this.painted = false;
      this.shown = null;
      clearTimeout(this.flashTimer);
      if (this.host) this.host.remove();
      this.host = this.shadow = this.tip = null;
    }

    visible(item) {
      return !this.hidden && this.kinds.has(item.kind);
    }

    /** The marked claim at a text offset. */
    itemAt(pos) {
      const items = this.items;
      let lo = 0;
      let hi = items.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (items[mid].start <= pos) { found = mid; lo = mid + 1; } else hi = mid - 1;
      }
      for (let i = found; i >= 0 && i > found - 8; i--) {
        const it = items[i];
        if (it.start <= pos && pos < it.end && this.visible(it)) return it;
      }
      return null;
    }

    itemById(id) {
      return this.items.find((it) => it.id === id) || null;
    }

    /** The caret position at a point of `doc`'s viewport, inside the open shadow roots read too. */
    caretAt(x, y, doc = this.doc) {
      if (doc.caretPositionFromPoint) {
        const shadowRoots = this.shadowRoots.filter((r) => r.ownerDocument === doc);
        const p = shadowRoots.length ? doc.caretPositionFromPoint(x, y, { shadowRoots }) : doc.caretPositionFromPoint(x, y);
        return p && { node: p.offsetNode, offset: p.offset };
      }
      if (doc.caretRangeFromPoint) {
        const r = doc.caretRangeFromPoint(x, y);
        return r && { node: r.startContainer, offset: r.startOffset };
      }
      return null;
    }

    itemAtPoint(x, y, doc = this.doc) {
      if (!this.index || !this.items.length) return null;
      const caret = this.caretAt(x, y, doc);
      if (!caret || !caret.node || caret.node.nodeType !== 3) return null;
      const pos = offsetOf(this.index, caret.node, caret.offset);
      if (pos < 0) return null;
      const item = this.itemAt(pos) || this.itemAt(pos - 1);
      if (!item) return null;
      for (const r of item.range.getClientRects()) {
        if (x >= r.left - 2 && x <= r.right + 2 && y >= r.top - 2 && y <= r.bottom + 2) return item;
      }
      return null;
    }

    itemAtNode(node, offset = 0) {
      if (!this.index) return null;
      if (node && node.nodeType === 3) {
        const pos = offsetOf(this.index, node, offset);
        return pos < 0 ? null : this.itemAt(pos);
      }
      if (node && node.nodeType === 1) {
        const walker = node.ownerDocument.createTreeWalker(node, NodeFilter.SHOW_TEXT);
        for (let t = walker.nextNode(), n = 0; t && n < 50; t = walker.nextNode(), n++) {
          const pos = offsetOf(this.index, t, 0);
          const it = pos >= 0 && this.itemAt(pos);
          if (it) return it;
        }
      }
      return null;
    }

    /** Hover, keyboard focus and caret in `doc` (the page, or a same-origin frame read with it). */
    listen(doc) {
      if (this.listening.has(doc)) return;
      this.listening.add(doc);
      const opts = { capture: true, passive: true, signal: this.abort.signal };
      doc.addEventListener('pointermove', (e) => {
        this.lastPoint = [e.clientX, e.clientY, doc];
        if (this.moveFrame) return;
        this.moveFrame = requestAnimationFrame(() => {
          this.moveFrame = 0;
          if (!this.alive()) { this.destroy(); return; }
          const [x, y, at] = this.lastPoint;
          const item = this.itemAtPoint(x, y, at);
          if (item) this.showTip(item, { x, y });
          else if (this.shown && this.shown.via === 'pointer') this.hideTip();
        });
      }, opts);
      doc.addEventListener('focusin', (e) => {
        if (!this.alive()) { this.destroy(); return; }
        const target = (e.composedPath && e.composedPath()[0]) || e.target; // inside an open shadow root too
        const item = this.itemAtNode(target);
        if (item) this.showTip(item, { via: 'focus' });
        else if (this.shown && this.shown.via !== 'pointer') this.hideTip();
      }, opts);
      doc.addEventListener('selectionchange', () => {
        const sel = doc.getSelection && doc.getSelection();
        if (!sel || !sel.rangeCount || !this.items.length) return;
        if (!this.alive()) { this.destroy(); return; }
        const item = this.itemAtNode(sel.focusNode, sel.focusOffset);
        if (item) this.showTip(item, { via: 'caret' });
        else if (this.shown && this.shown.via === 'caret') this.hideTip();
      }, opts);
      doc.addEventListener('keydown', (e) => { if (e.key === 'Escape' && this.shown) this.hideTip(); }, opts);
      doc.addEventListener('scroll', () => { if (this.shown && this.shown.via === 'pointer') this.hideTip(); }, opts);
    }

    /** Where `doc`'s viewport lies in this painter's page (0, 0 for the page itself). */
    offsetOf(doc) {
      let x = 0;
      let y = 0;
      for (let d = doc; d && d !== this.doc;) {
        let frame = null;
        try { frame = d.defaultView && d.defaultView.frameElement; } catch { frame = null; }
        if (!frame) break;
        const r = frame.getBoundingClientRect();
        const cs = frame.ownerDocument.defaultView.getComputedStyle(frame);
        x += r.left + frame.clientLeft + (parseFloat(cs.paddingLeft) || 0);
        y += r.top + frame.clientTop + (parseFloat(cs.paddingTop) || 0);
        d = frame.ownerDocument;
      }
      return { x, y };
    }

    ensureHost() {
      if (this.host && this.host.isConnected) return;
      const host = this.doc.createElement('div');
      host.setAttribute('data-sourcelight', 'tooltip');
      host.style.cssText = 'all:initial!important;position:fixed!important;top:0!important;left:0!important;' +
        'width:0!important;height:0!important;overflow:visible!important;z-index:2147483647!important;' +
        'pointer-events:none!important;display:block!important;';
      const shadow = host.attachShadow({ mode: 'closed' });
      let styled = false;
      try {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(TOOLTIP_CSS + LESSON_CSS);
        shadow.adoptedStyleSheets = [sheet];
        styled = true;
      } catch { /* older engines: a <style> below */ }
      if (!styled) {
        const style = this.doc.createElement('style');
        style.textContent = TOOLTIP_CSS + LESSON_CSS;
        shadow.append(style);
      }
      const tip = this.doc.createElement('div');
      tip.className = 'tip';
      tip.setAttribute('role', 'tooltip');
      tip.hidden = true;
      shadow.append(tip);
      this.doc.documentElement.append(host);
      this.host = host;
      this.shadow = shadow;
      this.tip = tip;
    }

    async showTip(item, { x, y, via = 'pointer' } = {}) {
      if (!this.visible(item)) return;
      if (this.shown && this.shown.item === item) {
        this.shown.via = via === 'pointer' || this.shown.via === 'pointer' ? via : this.shown.via;
        return;
      }
      const gen = this.generation;
      this.shown = { item, via };
      let d = this.details.get(item.id);
      if (!d) {
        try { d = await this.detail(item.id); } catch { d = null; }
        if (gen !== this.generation || !this.shown || this.shown.item !== item) return;
        if (!d) d = { kind: item.kind, source: null, checks: null, explanation: '' };
        this.details.set(item.id, d);
      }
      this.ensureHost();
      this.render(d);
      this.place(item, x, y);
    }

    hideTip() {
      this.shown = null;
      if (this.tip) this.tip.hidden = true;
    }

    render(d) {
      const t = this.t;
      const doc = this.doc;
      const tip = this.tip;
      const el = (tag, cls, text) => {
        const e = doc.createElement(tag);
        if (cls) e.className = cls;
        if (text != null) e.textContent = text;
        return e;
      };
      tip.replaceChildren();
      tip.className = `tip k-${d.kind}${this.dark ? ' dark' : ''}`;
      if (d.language) tip.lang = d.language;
      const head = el('div', 'kind');
      head.append(el('span', 'swatch'), el('span', 'label', t(`kind_${d.kind}`)));
      tip.append(head);
      tip.append(el('div', 'src', d.source ? t('tip_source', [d.source]) : t('tip_noSource')));
      if (d.cue) tip.append(el('div', 'cue', t('tip_cue', [d.cue])));
      if (d.checks) {
        const box = el('div', 'checks');
        box.append(el('h3', null, t('tip_checks')));
        const ul = el('ul');
        for (const [ok, key, subs] of this.checkLines(d.checks)) ul.append(el('li', ok ? 'ok' : 'miss', t(key, subs)));
        box.append(ul);
        tip.append(box);
      }
      if (d.groupMentions > 1) tip.append(el('div', 'cue', t('tip_group', [d.groupMentions])));
      if (d.explanation) tip.append(el('p', 'expl', d.explanation));
      tip.hidden = false;
    }

    place(item, x, y) {
      const tip = this.tip;
      const view = this.doc.defaultView;
      const rects = item.range.getClientRects();
      let anchor = rects[0] || item.range.getBoundingClientRect();
      if (x != null) {
        for (const r of rects) if (y >= r.top - 2 && y <= r.bottom + 2) { anchor = r; break; }
      }
      // A claim in a frame: its rectangles and the pointer are in the frame's viewport.
      const off = this.offsetOf(item.range.startContainer.ownerDocument);
      if (off.x || off.y) {
        anchor = { left: anchor.left + off.x, top: anchor.top + off.y, bottom: anchor.bottom + off.y };
        if (x != null) { x += off.x; y += off.y; }
      }
      const w = tip.offsetWidth;
      const h = tip.offsetHeight;
      const vw = view.innerWidth;
      const vh = view.innerHeight;
      let left = x != null ? x - 16 : anchor.left;
      left = Math.max(8, Math.min(left, vw - w - 8));
      let top = anchor.bottom + 8;
      if (top + h > vh - 8) top = Math.max(8, anchor.top - h - 8);
      tip.style.left = `${Math.round(left)}px`;
      tip.style.top = `${Math.round(top)}px`;
    }

    /** Scrolls a claim into view, flashes it and shows its tooltip. */
    flash(id) {
      const item = this.itemById(id);
      if (!item) return false;
      const target = item.range.startContainer.parentElement;
      if (target) target.scrollIntoView({ block: 'center', behavior: 'instant' });
      const doc = item.range.startContainer.ownerDocument;
      const registry = registryOf(doc);
      if (!registry) return false;
      const H = highlightClass(doc);
      if (!H) return false;
      const h = new H(item.range);
      h.priority = 100;
      if (this.flashing && this.flashing.doc !== doc) {
        const before = registryOf(this.flashing.doc);
        if (before) this.unregister(before, `${this.prefix}-flash`, this.flashing.h);
      }
      registry.set(`${this.prefix}-flash`, h);
      this.flashing = { doc, h };
      clearTimeout(this.flashTimer);
      this.flashTimer = setTimeout(() => { this.unregister(registry, `${this.prefix}-flash`, h); this.flashing = null; }, 1600);
      this.showTip(item, { via: 'focus' });
      return true;
    }
  }

  // ---- lesson mode --------------------------------------------------------------------

  /** Index of the span in [[start, end], …] (sorted) holding `pos` (its end counts too), or -1. */
  function spanAt(spans, pos) {
    let lo = 0;
    let hi = spans.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid][0] <= pos) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found >= 0 && pos <= spans[found][1] ? found : -1;
  }

  /**
   * Lesson mode over a Painter: the student chooses sentences (a click in the article, hit-tested
   * with caretPositionFromPoint / caretRangeFromPoint, or the panel's list with the keyboard), the
   * choice is shown with its own Custom Highlight (`lesson-chosen`), and "Check" scores it.
   *   new Lesson({ painter, t, mount, onCheck, onChange })
   *   mount        an element to build the panel in (the demo); none: the painter's shadow root
   *   onCheck(chosen [[start, end], …]) → Promise<score>   (see lesson.js scoreLesson)
   *   onChange(state)  after every choice and check
   * The page's DOM is never touched: the panel lives in the tooltip host or in `mount`.
   */
  class Lesson {
    constructor({ painter, t = (k) => k, mount = null, onCheck = async () => null, onChange = () => {} }) {
      this.painter = painter;
      this.doc = painter.doc;
      this.t = t;
      this.mount = mount;
      this.onCheck = onCheck;
      this.onChange = onChange;
      this.index = null;
      this.sentences = [];
      this.chosen = new Map(); // "start:end" -> [start, end]
      this.result = null;
      this.checking = false;
      this.folded = false;
      this.panel = null;
      this.abort = new AbortController();
      this.highlights = new Map(); // document -> its `lesson-chosen` Highlight
      this.doc.addEventListener('click', (e) => this.onClick(e), { capture: true, passive: true, signal: this.abort.signal });
    }

    /** The article's collected text index and its sentences ([[start, end], …], sorted). */
    setSentences(index, sentences) {
      // Choices follow their sentence when the page changes (a live blog puts new posts on
      // top, so offsets move): matched by text, the nearest of equal sentences first.
      const oldText = this.index ? this.index.text : '';
      const before = [...this.chosen.values()].map(([s, e]) => ({ s, text: oldText.slice(s, e) }));
      this.index = index;
      this.sentences = sentences.map(([s, e]) => [s, e]);
      this.chosen.clear();
      if (before.length) {
        const byText = new Map();
        for (const [s, e] of this.sentences) {
          const key = index.text.slice(s, e);
          if (!byText.has(key)) byText.set(key, []);
          byText.get(key).push([s, e]);
        }
        for (const { s: at, text } of before) {
          const options = (byText.get(text) || []).filter(([s, e]) => !this.chosen.has(`${s}:${e}`));
          if (!options.length) continue;
          options.sort((a, b) => Math.abs(a[0] - at) - Math.abs(b[0] - at));
          this.chosen.set(`${options[0][0]}:${options[0][1]}`, options[0]);
        }
      }
      this.paintChosen();
      this.render();
    }

    chosenSpans() {
      return [...this.chosen.values()].sort((a, b) => a[0] - b[0]);
    }

    state() {
      const c = this.result && this.result.counts;
      return { on: true, chosen: this.chosen.size, checked: !!this.result, score: c ? { found: c.found, missed: c.missed, notFlag: c.notFlag, target: c.target } : null };
    }

    toggle(i) {
      if (this.result || !this.sentences[i]) return;
      const [s, e] = this.sentences[i];
      const key = `${s}:${e}`;
      if (this.chosen.has(key)) this.chosen.delete(key); else this.chosen.set(key, [s, e]);
      this.paintChosen();
      this.render();
      this.onChange(this.state());
    }

    paintChosen() {
      for (const h of this.highlights.values()) h.clear();
      if (this.index) {
        for (const [s, e] of this.chosen.values()) {
          const r = rangeFor(this.index, s, e);
          if (!r) continue;
          const doc = r.startContainer.ownerDocument;
          let h = this.highlights.get(doc);
          if (!h) {
            const H = highlightClass(doc);
            if (typeof H !== 'function') continue;
            h = new H();
            h.priority = 0;
            this.highlights.set(doc, h);
          }
          h.add(r);
        }
      }
      for (const [doc, h] of this.highlights) {
        const registry = registryOf(doc);
        if (!registry) { this.highlights.delete(doc); continue; }
        if (h.size) registry.set('lesson-chosen', h);
        else if (registry.get('lesson-chosen') === h) registry.delete('lesson-chosen');
      }
    }

    /** The sentence under a viewport point, or -1 (the point must lie on the sentence's text). */
    sentenceAtPoint(x, y) {
      if (!this.index || !this.sentences.length) return -1;
      const caret = this.painter.caretAt(x, y);
      if (!caret || !caret.node || caret.node.nodeType !== 3) return -1;
      const pos = offsetOf(this.index, caret.node, caret.offset);
      if (pos < 0) return -1;
      const i = spanAt(this.sentences, pos);
      if (i < 0) return -1;
      const range = rangeFor(this.index, this.sentences[i][0], this.sentences[i][1]);
      if (!range) return -1;
      for (const r of range.getClientRects()) {
        if (x >= r.left - 2 && x <= r.right + 2 && y >= r.top - 2 && y <= r.bottom + 2) return i;
      }
      return -1;
    }

    onClick(e) {
      if (this.result || e.button !== 0 || !this.index) return;
      if (this.painter.host && e.target === this.painter.host) return; // the panel or the tooltip
      if (this.mount && this.mount.contains(e.target)) return;
      const sel = this.doc.getSelection && this.doc.getSelection();
      if (sel && !sel.isCollapsed && String(sel).trim()) return; // selecting text, not choosing
      const i = this.sentenceAtPoint(e.clientX, e.clientY);
      if (i >= 0) this.toggle(i);
    }

    async check() {
      if (this.checking || this.result) return this.result;
      this.checking = true;
      try {
        const result = await this.onCheck(this.chosenSpans());
        if (result) this.result = result;
      } finally {
        this.checking = false;
      }
      this.render();
      this.onChange(this.state());
      return this.result;
    }

    /** Another round: the choice and the score are cleared. */
    restart() {
      this.result = null;
      this.chosen.clear();
      this.paintChosen();
      this.render();
      this.onChange(this.state());
    }

    el(tag, cls, text) {
      const e = this.doc.createElement(tag);
      if (cls) e.className = cls;
      if (text != null) e.textContent = String(text);
      return e;
    }

    /** Builds (or rebuilds) the panel, with textContent only. */
    render() {
      const t = this.t;
      let root = this.mount;
      if (!root) {
        this.painter.ensureHost();
        root = this.painter.shadow;
      }
      if (!this.panel || this.panel.parentNode !== root) {
        this.panel = this.el('section', `sl-lesson${this.mount ? '' : ' floating'}${this.painter.dark ? ' dark' : ''}`);
        this.panel.setAttribute('aria-label', t('lesson_title'));
        this.panel.dataset.lesson = 'panel';
        root.append(this.panel);
      }
      const panel = this.panel;
      const listWasOpen = !!panel.querySelector('details[open]');
      panel.replaceChildren();
      panel.dataset.state = this.result ? 'checked' : 'choosing';
      const head = this.el('div', 'head');
      head.append(this.el('h2', null, t('lesson_title')));
      if (!this.mount) {
        // The floating panel folds down to its title so it never hides the article for long.
        const fold = this.el('button', 'fold', this.folded ? '+' : '–');
        fold.type = 'button';
        fold.setAttribute('aria-expanded', String(!this.folded));
        fold.setAttribute('aria-label', t(this.folded ? 'lesson_show' : 'lesson_hide'));
        fold.title = fold.getAttribute('aria-label');
        fold.dataset.lessonAction = 'fold';
        fold.addEventListener('click', () => {
          this.folded = !this.folded;
          this.render();
          const again = this.panel && this.panel.querySelector('.fold');
          if (again) again.focus();
        });
        head.append(fold);
      }
      panel.append(head);
      panel.classList.toggle('folded', !!this.folded);
      if (!this.result) {
        panel.append(this.el('p', 'intro', t('lesson_intro')));
        const count = this.el('p', 'count', t('lesson_chosen', [this.chosen.size]));
        count.dataset.lessonFigure = 'chosen';
        count.setAttribute('role', 'status');
        panel.append(count);
        const details = this.el('details', 'list');
        details.append(this.el('summary', null, t('lesson_keyboard')));
        const fill = () => {
          if (details.querySelector('ol')) return;
          const ol = this.el('ol', 'sentences');
          const text = this.index ? this.index.text : '';
          this.sentences.forEach(([s, e], i) => {
            const li = this.el('li');
            const b = this.el('button', null, text.slice(s, e));
            b.type = 'button';
            b.dataset.sentence = String(i);
            b.setAttribute('aria-pressed', String(this.chosen.has(`${s}:${e}`)));
            b.addEventListener('click', () => {
              this.toggle(i);
              const again = this.panel && this.panel.querySelector(`button[data-sentence="${i}"]`);
              if (again) again.focus();
            });
            li.append(b);
            ol.append(li);
          });
          details.append(ol);
        };
        details.addEventListener('toggle', () => { if (details.open) fill(); });
        if (listWasOpen) { details.open = true; fill(); }
        panel.append(details);
        const check = this.el('button', 'check', t('lesson_check'));
        check.type = 'button';
        check.dataset.lessonAction = 'check';
        check.addEventListener('click', () => { this.check(); });
        const actions = this.el('p', 'actions');
        actions.append(check);
        panel.append(actions);
        return;
      }
      const c = this.result.counts;
      const score = this.el('p', 'score');
      score.setAttribute('role', 'status');
      for (const [name, key] of [['found', 'lesson_found'], ['missed', 'lesson_missed'], ['notFlag', 'lesson_notFlag']]) {
        const span = this.el('span', `s-${name}`, t(key, [c[name]]));
        span.dataset.lessonFigure = name;
        score.append(span);
      }
      panel.append(score);
      panel.append(this.el('p', 'total', t('lesson_total', [c.target])));
      const ul = this.el('ul', 'items');
      for (const item of this.result.items) {
        const li = this.el('li', `v-${item.verdict}`);
        li.dataset.verdict = item.verdict;
        li.append(this.el('span', 'verdict', t(`lesson_verdict_${item.verdict}`)), this.doc.createTextNode(' '));
        const q = this.el('span', 'sentence', item.text);
        q.lang = this.result.language;
        li.append(q);
        if (!item.claims.length) li.append(this.el('p', 'expl', t('lesson_noClaim')));
        for (const claim of item.claims) {
          const p = this.el('p', 'expl');
          const label = t(`kind_${claim.kind}`);
          if (!String(claim.explanation || '').startsWith(label)) p.append(this.el('b', null, `${label}: `));
          const ex = this.el('span', null, claim.explanation || '');
          ex.lang = this.result.language;
          p.append(ex);
          li.append(p);
        }
        ul.append(li);
      }
      panel.append(ul);
      const again = this.el('button', 'again', t('lesson_again'));
      again.type = 'button';
      again.dataset.lessonAction = 'again';
      again.addEventListener('click', () => this.restart());
      const actions = this.el('p', 'actions');
      actions.append(again);
      panel.append(actions);
    }

    /** Lesson mode off: the panel, the chosen highlight and the listener go. */
    destroy() {
      this.abort.abort();
      for (const [doc, h] of this.highlights) {
        h.clear();
        const registry = registryOf(doc);
        if (registry && registry.get('lesson-chosen') === h) registry.delete('lesson-chosen');
      }
      this.highlights.clear();
      if (this.panel) this.panel.remove();
      this.panel = null;
    }
  }

  function defaultCheckLines(checks) {
    const lines = [];
    const reason = checks.reason === 'given' || checks.reason === 'boilerplate' ? checks.reason : 'none';
    lines.push([reason === 'given', `check_reason_${reason}`, []]);
    lines.push([!!checks.vantage, checks.vantage ? 'check_vantage_yes' : 'check_vantage_no', []]);
    const count = checks.count || {};
    if (Number.isInteger(count.number)) lines.push([true, count.number === 1 ? 'check_count_one' : 'check_count_number', [count.number]]);
    else lines.push([false, count.plural ? 'check_count_plural' : 'check_count_unknown', []]);
    lines.push([!checks.opinion, checks.opinion ? 'check_opinion_yes' : 'check_opinion_no', []]);
    return lines;
  }

  globalThis.SourcelightPage = Object.freeze({
    version: VERSION, KINDS, findArticle, collectText, rangeFor, offsetOf, skipElement, yieldToMain,
    Cancelled, Painter, Lesson, isDark, LESSON_CSS, isLive, containsDeep, frameDocument,
  });
})();
