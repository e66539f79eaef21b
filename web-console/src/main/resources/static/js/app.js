// The console's frame: the pages of the signed-in person's roles behind #/agent, #/dispatcher, #/supervisor and #/admin, who
// is signed in and as what, the language switch and the logout button, and for supervisors and administrators the
// business calendar's warning (calendar.js). Switching language draws the page again.
import './messages.js';
import { h, replace } from './dom.js';
import { LANGUAGES, language, setLanguage, t, term } from './i18n.js';
import { ZONE } from './format.js';
import { allowedPages, signIn, signedIn } from './session.js';
import { calendarWarning, readCalendars } from './calendar.js';
import agent from './pages/agent.js';
import dispatcher from './pages/dispatcher.js';
import supervisor from './pages/supervisor.js';
import admin from './pages/admin.js';

const PAGES = { agent, dispatcher, supervisor, admin };
const main = document.getElementById('view');
const header = document.getElementById('frame');
let unmount = () => {};

/** The page in the address if this person may open it, else their first. */
function pageName() {
  const name = location.hash.replace(/^#\/?/, '').split('/')[0];
  const allowed = allowedPages();
  return allowed.includes(name) ? name : allowed[0];
}

function drawFrame() {
  document.title = t('app.title');
  const person = signedIn();
  const languageSelect = h('select', { id: 'language', onchange: event => { setLanguage(event.target.value); draw(); } },
    LANGUAGES.map(code => h('option', { value: code, selected: code === language() }, code === 'zh-CN' ? '中文' : 'English')));
  replace(header,
    h('h1', {}, t('app.title')),
    h('nav', { 'aria-label': t('session.pages') }, allowedPages().map(name => h('a', {
      href: `#/${name}`, id: `nav-${name}`, 'aria-current': name === pageName() ? 'page' : null }, t(`nav.${name}`)))),
    h('div', { class: 'session' },
      h('span', { class: 'signed-in', title: t('session.signedIn') },
        h('strong', { id: 'user' }, person.username), ' ',
        h('span', { id: 'roles' }, person.roles.map(role => term('role', role)).join(' · '))),
      logoutForm(person.logout),
      h('label', { for: 'language' }, t('session.language')), languageSelect,
      h('small', {}, t('session.zone', { zone: ZONE }))),
    calendarWarning());
}

/**
 * Logout is a form posted by the browser, not a script's request: the console answers with a redirect to the issuer,
 * which ends its own session and sends the browser back here. The form carries the CSRF token the console gave out.
 */
function logoutForm(logout) {
  return h('form', { method: 'post', action: logout.action, id: 'logout-form' },
    h('input', { type: 'hidden', name: logout.parameter, value: logout.token }),
    h('button', { type: 'submit', id: 'logout' }, t('session.logout')));
}

function draw() {
  unmount();
  unmount = () => {};
  drawFrame();
  replace(main);
  const page = pageName();
  if (!page) {
    replace(main, h('p', { class: 'state empty', id: 'no-pages' }, t('session.noPages')));
    return;
  }
  unmount = PAGES[page].mount(main) || (() => {});
  main.focus({ preventScroll: true });
}

async function start() {
  setLanguage(language());
  try {
    if (!await signIn()) return;
  } catch (failure) {
    replace(main, h('p', { class: 'form-error', role: 'alert', id: 'no-session' }, t('session.failed')));
    return;
  }
  window.addEventListener('hashchange', draw);
  draw();
  // after the page: the warning fills its place in the frame when the answer comes, and a failure leaves it out
  readCalendars();
}

start();
