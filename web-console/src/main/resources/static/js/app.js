// The console's frame: the three role pages behind #/agent, #/dispatcher and #/supervisor, the language switch and
// the name of the person at the console. Switching language draws the page again.
import './messages.js';
import { h, replace } from './dom.js';
import { LANGUAGES, language, setLanguage, t } from './i18n.js';
import { ZONE } from './format.js';
import { actor, setActor } from './session.js';
import agent from './pages/agent.js';
import dispatcher from './pages/dispatcher.js';
import supervisor from './pages/supervisor.js';

const PAGES = { agent, dispatcher, supervisor };
const main = document.getElementById('view');
const header = document.getElementById('frame');
let unmount = () => {};

function pageName() {
  const name = location.hash.replace(/^#\/?/, '').split('/')[0];
  return PAGES[name] ? name : 'agent';
}

function drawFrame() {
  document.title = t('app.title');
  const actorInput = h('input', { id: 'actor', name: 'actor', value: actor(), autocomplete: 'username', size: 14,
    pattern: STAFF_ID.source, title: t('session.actor.hint'), 'aria-describedby': 'actor-hint',
    onchange: event => rememberActor(event.target) });
  const languageSelect = h('select', { id: 'language', onchange: event => { setLanguage(event.target.value); draw(); } },
    LANGUAGES.map(code => h('option', { value: code, selected: code === language() }, code === 'zh-CN' ? '中文' : 'English')));
  replace(header,
    h('h1', {}, t('app.title')),
    h('nav', { 'aria-label': 'roles' }, Object.keys(PAGES).map(name => h('a', {
      href: `#/${name}`, id: `nav-${name}`, 'aria-current': name === pageName() ? 'page' : null }, t(`nav.${name}`)))),
    h('div', { class: 'session' },
      h('label', { for: 'actor' }, t('session.actor')), actorInput,
      h('span', { id: 'actor-hint', class: 'actor-hint', role: 'alert' }),
      h('label', { for: 'language' }, t('session.language')), languageSelect,
      h('small', {}, t('session.zone', { zone: ZONE }))));
}

/**
 * The staff ID goes out as the X-Actor header of every request, and a browser sends only Latin-1 in a header: an
 * ID such as "li.ming" or "agent-017" is what the audit trail records (a login replaces this later).
 */
const STAFF_ID = /[A-Za-z0-9._@-]{1,50}/;

function rememberActor(input) {
  const value = input.value.trim();
  const valid = value === '' || new RegExp(`^${STAFF_ID.source}$`).test(value);
  if (valid) input.removeAttribute('aria-invalid');
  else input.setAttribute('aria-invalid', 'true');
  document.getElementById('actor-hint').textContent = valid ? '' : t('session.actor.hint');
  if (valid) setActor(value);
}

function draw() {
  unmount();
  drawFrame();
  replace(main);
  unmount = PAGES[pageName()].mount(main) || (() => {});
  main.focus({ preventScroll: true });
}

setLanguage(language());
window.addEventListener('hashchange', draw);
draw();
