// Pure helpers over a Report (see src/report.rs): what to paint, tooltip details,
// the summary's figures and the exports. Shared by the service worker, the popup and www.
import { KINDS } from './settings.js';

export { KINDS };

/**
 * The span a marker covers for one claim: the claim, plus its cue and source when they
 * lie in the same sentence ("sources familiar with the matter told CNN that …"). UTF-16.
 */
export function markSpan(claim) {
  const s = claim.sentence ?? claim.claim;
  let start = claim.claim.start;
  let end = claim.claim.end;
  for (const part of [claim.cue, claim.source]) {
    if (part && part.start >= s.start && part.end <= s.end && part.end > part.start) {
      start = Math.min(start, part.start);
      end = Math.max(end, part.end);
    }
  }
  return { start, end };
}

/** [[id, kindIndex, start, end], …]: all a page needs to paint, small enough for a 1 MB article. */
export function compactClaims(report) {
  return report.claims.map((c) => {
    const { start, end } = markSpan(c);
    return [c.id, KINDS.indexOf(c.kind), start, end];
  });
}

/** What a tooltip shows for one claim. */
export function claimDetail(report, id) {
  const c = report.claims[id];
  if (!c || c.id !== id) return null;
  const group = c.group != null ? report.groups[c.group] : null;
  return {
    id: c.id,
    kind: c.kind,
    flag: c.flag,
    source: c.source?.text ?? null,
    cue: c.cue?.text ?? null,
    checks: c.checks ?? null,
    explanation: c.explanation ?? '',
    groupLabel: group?.label ?? null,
    groupMentions: group?.mentions?.length ?? 0,
    language: report.language,
  };
}

/** The popup's figures, straight from the Report's summary. */
export function summaryFigures(report) {
  const s = report.summary;
  return {
    claims: s.claims,
    flagged: s.flagged,
    byKind: Object.fromEntries(KINDS.map((k) => [k, s.by_kind?.[k] ?? 0])),
    anonymousShare: s.anonymous_share,
    anonymousGroups: s.anonymous_groups,
    checksMissed: { ...s.checks_missed },
  };
}

export function flaggedClaims(report) {
  return report.claims.filter((c) => c.flag);
}

// ---- exports -------------------------------------------------------------------

const COLUMNS = ['id', 'kind', 'flag', 'source', 'cue', 'claim', 'sentence', 'start', 'end', 'group',
  'reason', 'vantage', 'count', 'opinion', 'explanation'];

function row(c) {
  const ch = c.checks;
  return {
    id: c.id, kind: c.kind, flag: c.flag, source: c.source?.text ?? '', cue: c.cue?.text ?? '',
    claim: c.claim.text, sentence: c.sentence.text, start: c.claim.start, end: c.claim.end,
    group: c.group ?? '', reason: ch?.reason ?? '', vantage: ch ? ch.vantage : '',
    count: ch ? (ch.count?.number ?? (ch.count?.plural ? 'plural' : '')) : '', opinion: ch ? ch.opinion : '',
    explanation: c.explanation ?? '',
  };
}

/** One CSV cell: quoted, and a leading = + - @ (or tab/CR) neutralised so spreadsheets never run it. */
export function csvCell(value) {
  let s = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function toCSV(report) {
  const lines = [COLUMNS.map(csvCell).join(',')];
  for (const c of report.claims) {
    const r = row(c);
    lines.push(COLUMNS.map((k) => csvCell(r[k])).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** Escapes Markdown's special characters so page text stays text. */
export function mdEscape(value) {
  return String(value ?? '')
    .replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (ch) => `\\${ch}`)
    .replace(/\r?\n/g, ' ');
}

export function toMarkdown(report, meta = {}) {
  const f = summaryFigures(report);
  const out = [];
  out.push(`# Sourcelight report${meta.title ? `: ${mdEscape(meta.title)}` : ''}`, '');
  if (meta.url) out.push(`Page: ${mdEscape(meta.url)}`, '');
  out.push(`Language: ${report.language}. Claims: ${f.claims}. Flagged: ${f.flagged}. ` +
    `Anonymous share: ${Math.round(f.anonymousShare * 100)}%. Distinct anonymous sources: ${f.anonymousGroups}.`, '');
  out.push('| kind | claims |', '|---|---|');
  for (const k of KINDS) out.push(`| ${k} | ${f.byKind[k]} |`);
  out.push('', `Standards checks missed: no reason ${f.checksMissed.reason}, boilerplate reason ${f.checksMissed.boilerplate_reason}, ` +
    `no vantage ${f.checksMissed.vantage}, opinion ${f.checksMissed.opinion}.`, '', '## Claims', '');
  for (const c of report.claims) {
    const r = row(c);
    out.push(`${c.id + 1}\\. **${c.kind}**${c.flag ? ' (flagged)' : ''}: ${mdEscape(r.sentence)}`);
    if (r.source) out.push(`   - source: ${mdEscape(r.source)}`);
    if (c.checks) out.push(`   - checks: reason ${r.reason}, vantage ${r.vantage}, count ${mdEscape(r.count || 'unknown')}, opinion ${r.opinion}`);
    if (r.explanation) out.push(`   - ${mdEscape(r.explanation)}`);
  }
  return out.join('\n') + '\n';
}

export function toJSON(report, meta = {}) {
  return JSON.stringify({ generator: 'sourcelight', ...meta, report }, null, 2) + '\n';
}

export const EXPORTS = {
  json: { make: toJSON, type: 'application/json', ext: 'json' },
  csv: { make: toCSV, type: 'text/csv', ext: 'csv' },
  md: { make: toMarkdown, type: 'text/markdown', ext: 'md' },
};
