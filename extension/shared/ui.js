// The summary and the list of flagged claims, built with textContent only.
// Shared by the popup and the www demo.
import { KINDS, flaggedClaims, summaryFigures } from './report.js';

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v);
  }
  if (text != null) e.textContent = String(text);
  return e;
}

export function percent(share) {
  return `${Math.round((Number(share) || 0) * 100)}%`;
}

/** Fills `box` with the report's summary; every figure has a data-figure name (tests read them). */
export function renderSummary(box, report, t) {
  const f = summaryFigures(report);
  box.replaceChildren();
  const dl = el('dl', { class: 'figures' });
  const add = (name, label, value) => {
    dl.append(el('dt', {}, label), el('dd', { 'data-figure': name }, value));
  };
  add('claims', t('summary_claims'), f.claims);
  add('flagged', t('summary_flagged'), f.flagged);
  add('anonymous_share', t('summary_anonShare'), percent(f.anonymousShare));
  add('anonymous_groups', t('summary_groups'), f.anonymousGroups);
  box.append(dl);

  const kinds = el('ul', { class: 'kinds' });
  for (const k of KINDS) {
    const li = el('li', { class: `kind k-${k}`, 'data-kind': k });
    li.append(el('span', { class: 'swatch', 'aria-hidden': 'true' }), el('span', { class: 'name' }, t(`kind_${k}`)),
      el('span', { class: 'n', 'data-figure': `kind_${k}` }, f.byKind[k]));
    kinds.append(li);
  }
  box.append(kinds);

  const m = f.checksMissed;
  const missed = el('div', { class: 'missed' });
  missed.append(el('h3', {}, t('summary_missed')));
  const ul = el('ul');
  for (const [name, key] of [['reason', 'missed_reason'], ['boilerplate_reason', 'missed_boilerplate'],
    ['vantage', 'missed_vantage'], ['opinion', 'missed_opinion']]) {
    const li = el('li');
    li.append(el('span', { class: 'n', 'data-figure': `missed_${name}` }, m[name] ?? 0), el('span', {}, ` ${t(key)}`));
    ul.append(li);
  }
  missed.append(ul);
  box.append(missed);
}

/** Fills `list` with the flagged claims; `onPick(id)` when one is clicked or activated. */
export function renderList(list, report, t, onPick) {
  list.replaceChildren();
  const claims = flaggedClaims(report);
  if (!claims.length) {
    list.append(el('li', { class: 'empty' }, t('list_empty')));
    return;
  }
  for (const c of claims) {
    const li = el('li', { class: `claim k-${c.kind}`, dataset: { id: String(c.id), kind: c.kind } });
    const button = el('button', { type: 'button', class: 'pick' });
    button.append(el('span', { class: 'swatch', 'aria-hidden': 'true' }),
      el('span', { class: 'kind' }, t(`kindShort_${c.kind}`)),
      el('span', { class: 'text' }, c.sentence.text));
    button.addEventListener('click', () => onPick(c.id));
    li.append(button);
    list.append(li);
  }
}

/** Saves `text` as a file through a temporary object URL (no network involved). */
export function download(text, type, name) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
