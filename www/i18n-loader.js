// The demo's UI strings: the extension's own _locales/*/messages.json files, copied into
// dist/www at build time and read here over the demo's own origin. The extension never
// loads its strings this way (it uses the browser's i18n API), so this lives in www/.
import { translator } from './shared/i18n.js';

/** Loads _locales/<lang>/messages.json relative to `base` (English fills any gap). */
export async function loadTranslator(base, lang) {
  const get = async (l) => (await fetch(new URL(`_locales/${l}/messages.json`, base))).json();
  const en = await get('en');
  return translator(lang === 'es' ? await get('es') : en, en);
}
