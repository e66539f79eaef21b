// The supervisor's page (督办): live alerts, pending extensions, promises, problems (问题单) and their corrective
// actions, the branch league table, the office-meeting agenda and the policy what-if (预演), one tab each so that every
// part has the whole 1280×800 screen. The tab shows in the address (#/supervisor/league) without a reload, so that
// switching language, which draws the page again, keeps it; the problems tab adds the chosen problem
// (#/supervisor/problems/PB-…), which an alert links to.
import './supervisor-messages.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { tabs } from '../ui.js';
import { alertsPart } from './supervisor/alerts.js';
import { extensionsPart } from './supervisor/extensions.js';
import { leaguePart } from './supervisor/league.js';
import { agendaPart } from './supervisor/agenda.js';
import { whatIfPart } from './supervisor/what-if.js';
import { obligationsPart } from './supervisor/obligations.js';
import { problemsPart } from './supervisor/problems.js';

const TABS = ['alerts', 'extensions', 'obligations', 'problems', 'league', 'agenda', 'whatIf'];
const FACTORIES = { alerts: alertsPart, extensions: extensionsPart, league: leaguePart, agenda: agendaPart,
  whatIf: whatIfPart, obligations: obligationsPart, problems: problemsPart };

function tabInAddress() {
  const tab = location.hash.replace(/^#\/?/, '').split('/')[1];
  return TABS.includes(tab) ? tab : 'alerts';
}

export default {
  mount(container) {
    const counts = Object.fromEntries(TABS.map(name => [name, h('span', { class: 'tab-count', hidden: true })]));
    const parts = {};
    const view = tabs(TABS, {
      label: name => [t(`supervisor.tab.${name}`), counts[name]],
      ariaLabel: t('supervisor.tabs'),
      onShow: tab => {
        // the first tab is the page's own address (#/supervisor), which the frame's navigation links to
        const address = tab === TABS[0] ? '#/supervisor' : `#/supervisor/${tab}`;
        // an address naming more within the tab (the chosen problem) stays as it is
        if (location.hash !== address && !(tab !== TABS[0] && location.hash.startsWith(`${address}/`))) {
          history.replaceState(null, '', address);
        }
        parts[tab].shown?.();
      },
    });
    TABS.forEach(name => {
      parts[name] = FACTORIES[name](count => {
        counts[name].textContent = count ? String(count) : '';
        counts[name].hidden = !count;
      });
      view.panels[name].append(parts[name].element);
    });

    container.append(h('div', { class: 'supervisor' },
      h('div', { class: 'supervisor-head' }, h('h2', {}, t('nav.supervisor')), view.list),
      TABS.map(name => view.panels[name])));
    view.show(tabInAddress());

    return () => TABS.forEach(name => parts[name].close?.());
  },
};
