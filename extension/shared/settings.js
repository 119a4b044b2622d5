// Settings: defaults, and a sanitiser that turns anything found in storage
// (missing, corrupt, an old schema) into a valid settings object.
export const KINDS = ['anonymous', 'vague', 'unverified', 'report', 'organisation', 'named'];
export const FLAG_KINDS = ['anonymous', 'vague', 'unverified', 'report'];
export const SCHEMA = 1;
export const MAX_SITES = 200;

export function defaults() {
  return {
    schema: SCHEMA,
    // Which kinds get markers: the four flags on, on-record sources off.
    kinds: { anonymous: true, vague: true, unverified: true, report: true, organisation: false, named: false },
    classroom: false,
    // Lesson mode: markers hidden; the reader chooses the sentences they think rest on
    // anonymous or vague sources, and "Check" reveals the markers and scores the choice.
    lesson: false,
    language: 'auto', // 'auto' | 'en' | 'es'
    mode: 'auto', // 'auto': mark every site automatically; 'click': only after the toolbar button
    sites: {}, // hostname -> true (always) | false (never); overrides `mode`
  };
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const HOST = /^[a-z0-9.-]{1,253}(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/** Any value → valid settings; every field that is wrong on its own falls back to its default. */
export function sanitize(raw) {
  const out = defaults();
  if (!isObject(raw)) return out;
  if (isObject(raw.kinds)) {
    for (const k of KINDS) if (typeof raw.kinds[k] === 'boolean') out.kinds[k] = raw.kinds[k];
  }
  if (typeof raw.classroom === 'boolean') out.classroom = raw.classroom;
  if (typeof raw.lesson === 'boolean') out.lesson = raw.lesson;
  if (['auto', 'en', 'es'].includes(raw.language)) out.language = raw.language;
  if (['auto', 'click'].includes(raw.mode)) out.mode = raw.mode;
  if (isObject(raw.sites)) {
    // storage.sync keeps at most 8 KB per item: the most recent MAX_SITES choices are kept.
    const entries = Object.entries(raw.sites).filter(([host, on]) => typeof on === 'boolean' && HOST.test(host));
    for (const [host, on] of entries.slice(-MAX_SITES)) out.sites[host.toLowerCase()] = on;
  }
  return out;
}

export async function loadSettings(storage) {
  try {
    const got = await storage.sync.get('settings');
    return sanitize(got?.settings);
  } catch {
    return defaults();
  }
}

export async function saveSettings(storage, settings) {
  const clean = sanitize(settings);
  await storage.sync.set({ settings: clean });
  return clean;
}

/** Does Sourcelight mark `host` without being asked? */
export function runsOn(settings, host) {
  const own = settings.sites[String(host).toLowerCase()];
  return typeof own === 'boolean' ? own : settings.mode === 'auto';
}

/** The kinds that get markers, as a list. */
export function markedKinds(settings) {
  return KINDS.filter((k) => settings.kinds[k]);
}
