// UI strings. The extension uses the browser's i18n API over _locales/; the www demo
// reads the same _locales/*/messages.json files (www/i18n-loader.js) and uses `translator` below.

/** t(key, subs) over a messages.json object (placeholders `$NAME$` with content "$1"…). */
export function translator(messages, fallback = {}) {
  return (key, subs = []) => {
    const entry = messages[key] ?? fallback[key];
    if (!entry) return key;
    const list = Array.isArray(subs) ? subs : [subs];
    let text = entry.message;
    for (const [name, ph] of Object.entries(entry.placeholders ?? {})) {
      const n = Number(/^\$(\d)$/.exec(ph.content)?.[1] ?? 0);
      text = text.split(`$${name.toUpperCase()}$`).join(n ? String(list[n - 1] ?? '') : ph.content);
    }
    return text.replace(/\$(\d)/g, (_, n) => String(list[n - 1] ?? ''));
  };
}

/** t(key, subs) over the extension's i18n API. */
export function extensionTranslator(api) {
  return (key, subs = []) => api.i18n.getMessage(key, (Array.isArray(subs) ? subs : [subs]).map(String)) || key;
}
