// The supervisor's page (督办): live alerts, pending extensions, the branch league table and the office-meeting agenda,
// one tab each so that every part has the whole 1280×800 screen. The tab shows in the address (#/supervisor/league)
// without a reload, so that switching language, which draws the page again, keeps it.
import './supervisor-messages.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { actor } from '../session.js';
import { alertsPart } from './supervisor/alerts.js';
import { extensionsPart } from './supervisor/extensions.js';
import { leaguePart } from './supervisor/league.js';
import { agendaPart } from './supervisor/agenda.js';

const TABS = ['alerts', 'extensions', 'league', 'agenda'];
const FACTORIES = { alerts: alertsPart, extensions: extensionsPart, league: leaguePart, agenda: agendaPart };

function tabInAddress() {
  const tab = location.hash.replace(/^#\/?/, '').split('/')[1];
  return TABS.includes(tab) ? tab : 'alerts';
}

/** The hint to enter a name goes as soon as the person names themselves in the frame. */
function hideHintOnceNamed() {
  document.getElementById('actor')?.addEventListener('change', () => {
    const hint = document.getElementById('no-actor');
    if (hint) hint.hidden = Boolean(actor());
  });
}

export default {
  mount(container) {
    const counts = {};
    const parts = {};
    const buttons = {};
    const panels = {};
    let current = null;

    const setCount = (tab, count) => {
      counts[tab].textContent = count ? String(count) : '';
      counts[tab].hidden = !count;
    };

    const show = tab => {
      current = tab;
      TABS.forEach(name => {
        const selected = name === tab;
        buttons[name].setAttribute('aria-selected', String(selected));
        buttons[name].tabIndex = selected ? 0 : -1;
        panels[name].hidden = !selected;
      });
      // the first tab is the page's own address (#/supervisor), which the frame's navigation links to
      const address = tab === TABS[0] ? '#/supervisor' : `#/supervisor/${tab}`;
      if (location.hash !== address) history.replaceState(null, '', address);
      parts[tab].shown?.();
    };

    // Arrow keys move between tabs, as in the WAI-ARIA tabs pattern; Tab goes on into the panel.
    const onKey = event => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (!step) return;
      const next = TABS[(TABS.indexOf(current) + step + TABS.length) % TABS.length];
      show(next);
      buttons[next].focus();
    };

    TABS.forEach(name => {
      counts[name] = h('span', { class: 'tab-count', hidden: true });
      buttons[name] = h('button', { type: 'button', role: 'tab', id: `tab-${name}`, 'aria-controls': `panel-${name}`,
        onclick: () => show(name), onkeydown: onKey }, t(`supervisor.tab.${name}`), counts[name]);
      parts[name] = FACTORIES[name](count => setCount(name, count));
      panels[name] = h('section', { role: 'tabpanel', id: `panel-${name}`, 'aria-labelledby': `tab-${name}`,
        class: `supervisor-panel panel-${name}`, hidden: true }, parts[name].element);
    });

    container.append(h('div', { class: 'supervisor' },
      h('div', { class: 'supervisor-head' },
        h('h2', {}, t('nav.supervisor')),
        h('div', { class: 'supervisor-tabs', role: 'tablist', 'aria-label': t('supervisor.tabs') },
          TABS.map(name => buttons[name]))),
      actor() ? null : h('p', { class: 'no-actor', id: 'no-actor' }, t('supervisor.noActor')),
      TABS.map(name => panels[name])));
    show(tabInAddress());
    hideHintOnceNamed();

    return () => TABS.forEach(name => parts[name].close?.());
  },
};
