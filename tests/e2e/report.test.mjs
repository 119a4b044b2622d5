// The shared glue's pure modules in Node: exports are safe for any text, settings sanitise
// anything stored, and the compact list the content script paints from covers every claim.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claimDetail, compactClaims, csvCell, markSpan, mdEscape, toCSV, toJSON, toMarkdown } from '../../extension/shared/report.js';
import { defaults, markedKinds, runsOn, sanitize } from '../../extension/shared/settings.js';
import { translator } from '../../extension/shared/i18n.js';

const span = (text, start) => ({ start, end: start + text.length, text });
const HOSTILE = '=HYPERLINK("http://x","y") <img src=x onerror=alert(1)> "><script>alert(2)</script> | *bold* [a](b)';

function report() {
  const sentence = span(`${HOSTILE}, sources said.`, 0);
  return {
    version: 1, language: 'en', length: sentence.end,
    claims: [{
      id: 0, kind: 'anonymous', flag: true, sentence, cue: span('said', sentence.end - 5),
      source: span('sources', sentence.end - 13), claim: span(HOSTILE, 0), group: 0, continues: null,
      checks: { reason: 'none', reason_text: null, vantage: false, vantage_text: null, count: { number: null, plural: true }, opinion: false },
      explanation: '+1 @home -minus "quoted"\nnew line',
    }],
    groups: [{ id: 0, kind: 'anonymous', label: 'sources', mentions: [0], count: { number: null, plural: true } }],
    summary: {
      claims: 1, flagged: 1, by_kind: { anonymous: 1, vague: 0, unverified: 0, report: 0, organisation: 0, named: 0 },
      anonymous_groups: 1, anonymous_share: 1, checks_missed: { reason: 1, boilerplate_reason: 0, vantage: 1, opinion: 0 }, sentences: 1,
    },
  };
}

test('CSV cells that start with = + - @ (or tab, CR) are neutralised and quoted', () => {
  for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) {
    const cell = csvCell(bad);
    assert.ok(cell.startsWith(`"'`), `${JSON.stringify(bad)} → ${cell}`);
  }
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  const csv = toCSV(report());
  const lines = csv.trim().split('\r\n');
  assert.equal(lines.length, 2);
  for (const cell of lines[1].match(/"(?:[^"]|"")*"/g)) assert.ok(!/^"[=+\-@]/.test(cell), cell);
});

test('Markdown escapes its special characters; JSON round-trips any text', () => {
  const md = toMarkdown(report(), { title: '# not a heading', url: 'http://example.org/[x](y)' });
  assert.ok(!/(^|[^\\])</m.test(md), 'every < is escaped: no raw HTML');
  assert.ok(md.includes('\\<img src=x onerror=alert\\(1\\)\\>'));
  assert.ok(md.includes('\\[a\\]\\(b\\)'));
  assert.ok(!md.includes('\n#  not'), 'title cannot start a heading');
  assert.equal(mdEscape('a\nb'), 'a b');
  const back = JSON.parse(toJSON(report(), { url: 'x' }));
  assert.deepEqual(back.report, report());
});

test('the compact list covers every claim with its cue and source in the sentence', () => {
  const r = report();
  const [[id, kind, start, end]] = compactClaims(r);
  assert.equal(id, 0);
  assert.equal(kind, 0);
  assert.equal(start, 0);
  assert.equal(end, r.claims[0].cue.end);
  assert.deepEqual(markSpan(r.claims[0]), { start, end });
  const d = claimDetail(r, 0);
  assert.equal(d.source, 'sources');
  assert.equal(d.groupMentions, 1);
  assert.equal(claimDetail(r, 5), null);
});

test('settings: anything stored falls back to defaults field by field', () => {
  for (const raw of [undefined, null, 'garbage', 42, [], { kinds: 'all' }, { schema: 0, kinds: { anonymous: 'yes' } }]) {
    assert.deepEqual(sanitize(raw), defaults(), JSON.stringify(raw));
  }
  const s = sanitize({ kinds: { named: true, bogus: true }, classroom: true, language: 'es', mode: 'click',
    sites: { 'Example.org': false, 'bad host!': true, 'news.example': 'yes' } });
  assert.equal(s.kinds.named, true);
  assert.equal(s.kinds.bogus, undefined);
  assert.deepEqual(markedKinds(s), ['anonymous', 'vague', 'unverified', 'report', 'named']);
  assert.deepEqual(s.sites, { 'example.org': false });
  assert.equal(runsOn(s, 'example.org'), false);
  assert.equal(runsOn(s, 'other.org'), false, 'mode click: not automatically');
  assert.equal(runsOn(defaults(), 'other.org'), true);
  const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`site${i}.example`, i % 2 === 0]));
  const kept = sanitize({ sites: many }).sites;
  assert.equal(Object.keys(kept).length, 200, 'at most 200 sites');
  assert.ok('site499.example' in kept && !('site0.example' in kept), 'the most recent are kept');
  assert.ok(JSON.stringify(sanitize({ sites: many })).length < 8192, 'fits one storage.sync item');
});

test('the www translator reads _locales messages with placeholders', async () => {
  const { readFileSync } = await import('node:fs');
  const en = JSON.parse(readFileSync(new URL('../../extension/_locales/en/messages.json', import.meta.url)));
  const es = JSON.parse(readFileSync(new URL('../../extension/_locales/es/messages.json', import.meta.url)));
  assert.deepEqual(Object.keys(es).sort(), Object.keys(en).sort(), 'both locales have every message');
  const t = translator(es, en);
  assert.equal(t('tip_source', ['fuentes']), 'Fuente: fuentes');
  assert.equal(translator(en)('check_count_number', [3]), 'Number of sources: 3');
  assert.equal(t('missing_key'), 'missing_key');
});
