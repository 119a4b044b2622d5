// The options page: kinds marked, classroom and lesson modes, language, where it runs, per-site choices.
// Every change is saved at once to storage.sync; whatever is stored is sanitised on load.
import { api } from './shared/browser.js';
import { extensionTranslator } from './shared/i18n.js';
import { KINDS, defaults, loadSettings, saveSettings } from './shared/settings.js';

const t = extensionTranslator(api);
const $ = (id) => document.getElementById(id);
let settings = defaults();

document.documentElement.lang = api.i18n.getUILanguage();
for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);

function render() {
  const kinds = $('kinds');
  kinds.replaceChildren();
  for (const k of KINDS) {
    const label = document.createElement('label');
    label.className = `k-${k}`;
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = 'kind';
    box.value = k;
    box.checked = settings.kinds[k];
    const sw = document.createElement('span');
    sw.className = 'swatch';
    const name = document.createElement('span');
    name.textContent = t(`kind_${k}`);
    label.append(box, sw, name);
    kinds.append(label);
  }
  $('classroom').checked = settings.classroom;
  $('lesson').checked = settings.lesson;
  $('language').value = settings.language;
  for (const r of document.querySelectorAll('input[name=mode]')) r.checked = r.value === settings.mode;
  const sites = $('sites');
  sites.replaceChildren();
  const entries = Object.entries(settings.sites).sort(([a], [b]) => a.localeCompare(b));
  if (!entries.length) {
    const li = document.createElement('li');
    li.textContent = t('opt_sitesEmpty');
    sites.append(li);
  }
  for (const [host, on] of entries) {
    const li = document.createElement('li');
    const name = document.createElement('span');
    name.textContent = `${host}: ${t(on ? 'site_on' : 'site_off')}`;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = t('opt_remove');
    remove.addEventListener('click', () => { delete settings.sites[host]; save(); });
    li.append(name, remove);
    sites.append(li);
  }
}

async function save() {
  settings = await saveSettings(api.storage, settings);
  render();
  $('saved').textContent = t('opt_saved');
  document.body.dataset.saved = String(Date.now());
}

document.addEventListener('change', (e) => {
  const target = e.target;
  if (target.name === 'kind') settings.kinds[target.value] = target.checked;
  else if (target.id === 'classroom') settings.classroom = target.checked;
  else if (target.id === 'lesson') settings.lesson = target.checked;
  else if (target.id === 'language') settings.language = target.value;
  else if (target.name === 'mode') settings.mode = target.value;
  else return;
  save();
});
$('reset').addEventListener('click', () => { settings = defaults(); save(); });

loadSettings(api.storage).then((s) => {
  settings = s;
  render();
  document.body.dataset.ready = 'true';
});
