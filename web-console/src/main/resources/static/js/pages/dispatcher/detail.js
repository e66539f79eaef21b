// One ticket as the dispatcher works on it: what the customer said and who they are (from complaint-intake), the
// ticket's facts and deadlines, the problem (问题单) its complaint is linked to, the actions it allows now, and its
// history.
import { api } from '../../api.js';
import { h, replace } from '../../dom.js';
import { t, term } from '../../i18n.js';
import { dateTime } from '../../format.js';
import { badge, fact, failure, loading, timeline } from '../../ui.js';
import { actionsPanel } from './actions.js';
import { drawComplaintProblem } from '../../problems.js';
import { clockList, ticketClocks } from './clocks.js';

/**
 * Draws the ticket into the element (id ticket-detail, data-ticket-id, data-status), with the message of the action
 * just done or the problem that stopped it. onChanged(ticket, message) is called after an action changed it,
 * onStale(ticket, problem) when the ticket had changed meanwhile. Returns a function that reads the ticket's deadlines again: they change a moment
 * after the ticket does, once escalation-service has heard of it.
 */
export function drawDetail(element, ticket, { complaints, onChanged, onStale, message, problem }) {
  element.dataset.ticketId = ticket.id;
  element.dataset.status = ticket.status;
  const customer = h('div', { class: 'customer', id: 'ticket-customer' }, loading());
  const clocks = h('div', { class: 'ticket-clocks', id: 'ticket-clocks' }, '…');
  // the problem (问题单) the complaint is linked to, if any: one fix at the branch answers all its complaints
  const linkedProblem = h('div', { class: 'ticket-problem', id: 'ticket-problem', hidden: true });
  replace(element,
    h('header', { class: 'detail-head' },
      h('h3', {}, t('dispatcher.detail'), ' ', h('span', { id: 'detail-number' }, ticket.complaintNumber)),
      h('span', { id: 'detail-status' }, badge('ticketStatus', ticket.status))),
    message ? h('p', { class: 'done-message', role: 'status', id: 'done-message' }, message) : null,
    problem ? h('p', { class: 'form-error', role: 'alert', id: 'stale-message' }, problem) : null,
    customer,
    linkedProblem,
    facts(ticket),
    h('h4', {}, t('dispatcher.deadlines')), clocks,
    actionsPanel(ticket, onChanged, onStale),
    h('h4', {}, t('dispatcher.history')),
    timeline((ticket.history || []).map(entry => ({ ...entry, summary: historyLine(entry) }))));
  drawCustomer(customer, ticket, complaints);
  drawComplaintProblem(linkedProblem, ticket.complaintId);
  const readClocks = () => ticketClocks(ticket)
    .then(found => replace(clocks, found === null ? h('span', { class: 'no-clocks' }, t('dispatcher.clocksPending'))
      : clockList(found, { withStopped: true })))
    .catch(() => replace(clocks, h('span', { class: 'no-clocks' }, t('dispatcher.clocksPending'))));
  readClocks();
  return readClocks;
}

/** The complaint behind the ticket, asked once per complaint (complaints is the page's cache of promises). */
async function drawCustomer(element, ticket, complaints) {
  if (!complaints.has(ticket.complaintId)) {
    complaints.set(ticket.complaintId, api.get(`/api/v1/complaints/${encodeURIComponent(ticket.complaintId)}`));
  }
  try {
    const complaint = await complaints.get(ticket.complaintId);
    replace(element, h('dl', { class: 'facts' },
      fact('dispatcher.customer', [complaint.customer?.name, complaint.customer?.phone].filter(Boolean).join(' · ')),
      fact('dispatcher.district', [complaint.district, complaint.address].filter(Boolean).join(' · ')),
      fact('dispatcher.description', complaint.description, 'ticket-description')));
  } catch (error) {
    complaints.delete(ticket.complaintId);
    replace(element, failure(error, () => drawCustomer(element, ticket, complaints)));
  }
}

function facts(ticket) {
  return h('dl', { class: 'facts', id: 'ticket-facts' },
    fact('dispatcher.column.category', `${term('category', ticket.category)} · ${term('priority', ticket.priority)}`),
    fact('dispatcher.fact.assignmentReason', ticket.assignmentReason && t(`dispatcher.assignmentReason.${ticket.assignmentReason}`)),
    fact('dispatcher.fact.timesPassedOn', ticket.timesPassedOn || null),
    fact('dispatcher.fact.createdAt', dateTime(ticket.createdAt)),
    fact('dispatcher.fact.acceptedAt', dateTime(ticket.acceptedAt)),
    fact('dispatcher.fact.handler', ticket.handler, 'ticket-handler'),
    fact('dispatcher.fact.firstContact', ticket.firstContactAt
      && `${dateTime(ticket.firstContactAt)} · ${term('contactMethod', ticket.firstContactMethod)}`),
    fact('dispatcher.fact.waitingReason', ticket.status === 'WAITING_ON_CUSTOMER' ? ticket.waitingReason : null),
    fact('dispatcher.fact.returnReason', ticket.returnReason
      && [term('returnReason', ticket.returnReason), ticket.returnText].filter(Boolean).join(' · '), 'ticket-return-reason'),
    fact('dispatcher.fact.resolution', ticket.resolution, 'ticket-resolution'),
    fact('dispatcher.fact.rootCause', ticket.rootCause && term('rootCause', ticket.rootCause)),
    fact('dispatcher.fact.responsibleParty', ticket.responsibleParty),
    fact('dispatcher.fact.resolvedAt', dateTime(ticket.resolvedAt)));
}

/** A history entry in words: the action in the reader's language, then what was said with it. */
function historyLine(entry) {
  const action = term('dispatcher.action', entry.action);
  return entry.detail ? `${action}: ${entry.detail}` : action;
}
