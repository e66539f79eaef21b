// The hotline agent's page (DESIGN §1): log a complaint while the customer talks, with their history beside the
// form, and work through the callbacks (回访) after the branches resolved them. Two tabs, both kept alive, so that
// looking at the worklist mid-call does not lose what was typed.
import './agent-messages.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { remembered, remember } from '../session.js';
import { complaintForm } from './agent/complaint-form.js';
import { callbackWorklist } from './agent/callbacks.js';
import { timelineDialog } from './agent/timeline-dialog.js';

const TABS = ['complaint', 'callbacks'];

export default {
  mount(container) {
    const timeline = timelineDialog(container);
    const callbacksTab = tab('callbacks');
    const form = complaintForm(timeline);
    const worklist = callbackWorklist(timeline, count => {
      callbacksTab.textContent = count ? t('agent.tab.callbacksDue', { count }) : t('agent.tab.callbacks');
    });
    const tabs = { complaint: tab('complaint'), callbacks: callbacksTab };
    const panels = {
      complaint: h('section', { id: 'panel-complaint', role: 'tabpanel', 'aria-labelledby': 'tab-complaint' }, form.element),
      callbacks: h('section', { id: 'panel-callbacks', role: 'tabpanel', 'aria-labelledby': 'tab-callbacks' }, worklist.element),
    };

    function show(name, focus = false) {
      remember('agent.tab', name);
      TABS.forEach(other => {
        const selected = other === name;
        tabs[other].setAttribute('aria-selected', String(selected));
        tabs[other].tabIndex = selected ? 0 : -1;
        panels[other].hidden = !selected;
      });
      if (name === 'callbacks') worklist.reload();
      if (focus) tabs[name].focus();
    }

    TABS.forEach((name, index) => {
      tabs[name].addEventListener('click', () => show(name));
      // arrow keys move between tabs, as in any tab list
      tabs[name].addEventListener('keydown', event => {
        const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
        if (step) show(TABS[(index + step + TABS.length) % TABS.length], true);
      });
    });

    container.append(
      h('div', { class: 'agent-page' },
        h('h2', { class: 'visually-hidden' }, t('nav.agent')),
        h('div', { class: 'agent-tabs', role: 'tablist', 'aria-label': t('nav.agent') }, TABS.map(name => tabs[name])),
        panels.complaint, panels.callbacks));
    show(TABS.includes(remembered('agent.tab')) ? remembered('agent.tab') : 'complaint');

    return () => {
      form.stop();
      worklist.stop();
      timeline.remove();
    };
  },
};

function tab(name) {
  return h('button', { type: 'button', role: 'tab', id: `tab-${name}`, 'aria-controls': `panel-${name}` },
    t(`agent.tab.${name}`));
}
