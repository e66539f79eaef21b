// The hotline agent's page (docs/architecture.md §1): log a complaint while the customer talks, with their history beside the
// form, and work through the callbacks (回访) after the branches resolved them. Two tabs, both kept alive, so that
// looking at the worklist mid-call does not lose what was typed.
import './agent-messages.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { remembered, remember } from '../session.js';
import { tabs } from '../ui.js';
import { complaintForm } from './agent/complaint-form.js';
import { callbackWorklist } from './agent/callbacks.js';
import { timelineDialog } from './agent/timeline-dialog.js';

const TABS = ['complaint', 'callbacks'];

export default {
  mount(container) {
    const timeline = timelineDialog(container);
    const form = complaintForm(timeline);
    let worklist = null;
    const view = tabs(TABS, {
      label: name => t(`agent.tab.${name}`),
      ariaLabel: t('nav.agent'),
      onShow: name => {
        remember('agent.tab', name);
        if (name === 'callbacks') worklist.reload();
      },
    });
    worklist = callbackWorklist(timeline, count => {
      view.tabs.callbacks.textContent = count ? t('agent.tab.callbacksDue', { count }) : t('agent.tab.callbacks');
    });
    view.panels.complaint.append(form.element);
    view.panels.callbacks.append(worklist.element);

    container.append(
      h('div', { class: 'agent-page' },
        h('h2', { class: 'visually-hidden' }, t('nav.agent')),
        view.list, view.panels.complaint, view.panels.callbacks));
    view.show(TABS.includes(remembered('agent.tab')) ? remembered('agent.tab') : 'complaint');

    return () => {
      form.stop();
      worklist.stop();
      timeline.remove();
    };
  },
};
