// A complaint's full story in a modal dialog: what was logged, what was promised, and every event of its timeline.
// One dialog per page; every complaint number on the page opens it with one click.
import { api } from '../../api.js';
import { h, replace } from '../../dom.js';
import { t, term } from '../../i18n.js';
import { dateTime } from '../../format.js';
import { badge, fact, region, timeline } from '../../ui.js';

/** Creates the dialog inside the container; returns {open(complaintId, number), link(complaintId, number), remove}. */
export function timelineDialog(container) {
  const heading = h('h3', { id: 'timeline-title' });
  const body = h('div', { id: 'timeline-body' });
  const dialog = h('dialog', { id: 'timeline-dialog', class: 'agent-timeline', 'aria-labelledby': 'timeline-title' },
    h('div', { class: 'dialog-head' }, heading,
      h('button', { type: 'button', id: 'timeline-close', onclick: () => dialog.close() }, t('agent.timeline.close'))),
    body);
  container.append(dialog);

  let opener = null;
  // back to the link that opened it, so that a keyboard user does not lose their place
  dialog.addEventListener('close', () => opener?.focus());

  function open(complaintId, number) {
    opener = document.activeElement;
    heading.textContent = t('agent.timeline.title', { number: number || '' });
    replace(body);
    if (!dialog.open) dialog.showModal();
    region(body, () => api.get(`/api/v1/complaints/${encodeURIComponent(complaintId)}`), complaint => {
      heading.textContent = t('agent.timeline.title', { number: complaint.number });
      return details(complaint);
    }, () => false);
  }

  /** A complaint number as a button that opens the dialog. */
  function link(complaintId, number) {
    return h('button', { type: 'button', class: 'link complaint-link', dataset: { complaintId },
      onclick: () => open(complaintId, number) }, number || complaintId);
  }

  return { open, link, remove: () => dialog.remove() };
}

function details(complaint) {
  const customer = complaint.customer || {};
  return h('div', {},
    h('p', { class: 'timeline-badges' },
      badge('complaintStatus', complaint.status), ' ', badge('priority', complaint.priority), ' ',
      term('category', complaint.category), ' · ', term('channel', complaint.channel),
      complaint.reopenCount ? [' · ', t('agent.timeline.reopened', { count: complaint.reopenCount })] : null),
    h('dl', { class: 'facts' },
      fact('agent.timeline.customer', `${customer.name || ''} ${customer.phone || ''}`),
      fact('agent.timeline.district', [complaint.district, complaint.address].filter(Boolean).join(' · ')),
      fact('agent.timeline.registeredAt', dateTime(complaint.registeredAt)),
      fact('agent.timeline.replyBy', dateTime(complaint.promisedReplyBy)),
      fact('agent.timeline.agent', complaint.agent),
      fact('agent.timeline.branch', complaint.branch),
      fact('agent.timeline.outcome', complaint.closedOutcome ? term('outcome', complaint.closedOutcome) : null),
      fact('agent.timeline.description', complaint.description)),
    complaint.promises?.length ? [h('h4', {}, t('agent.timeline.promises')),
      h('ul', { class: 'promises' }, complaint.promises.map(promise =>
        h('li', {}, promise.text, promise.dueAt ? ` — ${dateTime(promise.dueAt)}` : '')))] : null,
    h('h4', {}, t('agent.timeline.history')),
    timeline(complaint.timeline || []));
}
