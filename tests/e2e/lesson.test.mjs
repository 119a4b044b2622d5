// Lesson mode's pure part (extension/shared/lesson.js) and its setting, in Node with the wasm core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';
import { lessonSentences, scoreLesson, sentenceAt } from '../../extension/shared/lesson.js';
import { defaults, sanitize } from '../../extension/shared/settings.js';

const { initSync, analyze } = await import(join(ROOT, 'dist', 'pkg', 'sourcelight.js'));
initSync({ module: readFileSync(join(ROOT, 'dist', 'pkg', 'sourcelight_bg.wasm')) });
const TEXT = readFileSync(join(ROOT, 'tests', 'e2e', 'fixtures', 'lesson.txt'), 'utf8');

test('sentences: every claim sentence exactly, the rest cut by Intl.Segmenter, in order, none overlapping', () => {
  for (const text of [TEXT, readFileSync(join(ROOT, 'www', 'samples', 'puerto.txt'), 'utf8'), readFileSync(join(ROOT, 'www', 'samples', 'harbour.txt'), 'utf8')]) {
    const report = analyze(text, {});
    const spans = lessonSentences(text, report);
    for (let i = 1; i < spans.length; i++) assert.ok(spans[i][0] >= spans[i - 1][1], 'no overlap');
    for (const [s, e] of spans) {
      assert.equal(text.slice(s, e), text.slice(s, e).trim(), 'trimmed');
      assert.ok(!text.slice(s, e).includes('\n'), 'a line break ends a sentence');
    }
    for (const c of report.claims) {
      assert.ok(spans.some(([s, e]) => s === c.sentence.start && e === c.sentence.end), c.sentence.text);
    }
    assert.ok(spans.length >= report.claims.length);
  }
  const spans = lessonSentences(TEXT, analyze(TEXT, {}));
  assert.deepEqual(spans.map(([s, e]) => TEXT.slice(s, e)).slice(0, 2), ['School board weighs closing two libraries',
    'The school board is considering closing two branch libraries next year, people familiar with the budget talks said on Monday.']);
  assert.equal(sentenceAt(spans, spans[1][0]), 1);
  assert.equal(sentenceAt(spans, spans[1][1]), 1, 'the end of a sentence counts');
  assert.equal(sentenceAt(spans, spans[1][1] + 1), -1, 'between sentences');
  assert.deepEqual(lessonSentences('', { claims: [] }), []);
  // UTF-16: emoji before a sentence.
  const emoji = '🙂🙂 First one. Critics say it was rushed.';
  const r = analyze(emoji, {});
  const e = lessonSentences(emoji, r);
  assert.deepEqual(e.map(([s, t]) => emoji.slice(s, t)), ['🙂🙂 First one.', 'Critics say it was rushed.']);
});

test('score: found, missed, not a flag, with the explanations as feedback', () => {
  const report = analyze(TEXT, {});
  const spans = lessonSentences(TEXT, report);
  const at = (needle) => spans.find(([s, e]) => TEXT.slice(s, e).includes(needle));
  const none = scoreLesson(TEXT, report, []);
  assert.deepEqual(none.counts, { found: 0, missed: 2, notFlag: 0, chosen: 0, target: 2 });
  const all = scoreLesson(TEXT, report, [at('budget talks'), at('Some parents')]);
  assert.deepEqual(all.counts, { found: 2, missed: 0, notFlag: 0, chosen: 2, target: 2 });
  const mixed = scoreLesson(TEXT, report, [at('budget talks'), at('Carla Mendes'), at('public hearing')]);
  assert.deepEqual(mixed.counts, { found: 1, missed: 1, notFlag: 2, chosen: 3, target: 2 });
  assert.deepEqual(mixed.items.map((i) => i.verdict), ['found', 'notFlag', 'missed', 'notFlag']);
  assert.equal(mixed.items[0].claims[0].kind, 'anonymous');
  assert.equal(mixed.items[0].claims[0].explanation, report.claims[0].explanation);
  assert.equal(mixed.items[1].claims[0].kind, 'named', 'a wrong choice is told what the core found there');
  assert.deepEqual(mixed.items[3].claims, [], 'no claim at all');
  // Anything else sent as a choice is ignored.
  const junk = scoreLesson(TEXT, report, [null, 'x', [1e9, 1e9 + 1], [-5, -1], at('budget talks'), at('budget talks')]);
  assert.deepEqual(junk.counts, { found: 1, missed: 1, notFlag: 0, chosen: 1, target: 2 });
});

test('settings: lesson mode defaults to off; anything but a boolean falls back', () => {
  assert.equal(defaults().lesson, false);
  assert.equal(sanitize({ lesson: true }).lesson, true);
  for (const v of ['yes', 1, null, {}, []]) assert.equal(sanitize({ lesson: v }).lesson, false, JSON.stringify(v));
});
