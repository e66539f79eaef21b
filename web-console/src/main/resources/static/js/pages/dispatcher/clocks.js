// A ticket's deadlines from escalation-service. The clocks exist only once escalation-service has heard of the ticket,
// a moment after it appears in the queue: until then they are "not known yet" and asked for again later.
import { api } from '../../api.js';
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { countdown } from '../../countdown.js';

/** The clocks of one ticket (its own, and the complaint's outside clock), or null while escalation-service has none. */
export async function ticketClocks(ticket) {
  try {
    const clocks = await api.get(`/api/v1/clocks/${encodeURIComponent(ticket.complaintId)}`);
    return (clocks.clocks || []).filter(clock => clock.ticketId === ticket.id || clock.kind === 'OUTSIDE');
  } catch (error) {
    if (error.status === 404) return null;
    throw error;
  }
}

/**
 * The clocks as labelled countdowns; a stopped clock (e.g. sign-for once signed) is left out unless withStopped, since
 * the queue is about what is still running. A provisional deadline is marked (data-provisional="true", and a word
 * whose title says why), so that nobody takes it for final.
 */
export function clockList(clocks, { withStopped = false } = {}) {
  if (clocks === null) return h('span', { class: 'no-clocks', title: t('dispatcher.clocksPending') }, t('dispatcher.noClocks'));
  const shown = clocks.filter(clock => withStopped || clock.state !== 'STOPPED');
  if (!shown.length) return h('span', { class: 'no-clocks' }, t('dispatcher.noClocks'));
  return h('ul', { class: 'clocks' }, shown.map(clock => h('li', {
    dataset: { clock: clock.kind, state: clock.state, provisional: String(clock.provisional === true) } },
  h('span', { class: 'clock-name' }, t(`clock.${clock.kind}`)), ' ', countdown(clock),
  clock.provisional ? [' ', provisionalMark()] : null)));
}

/**
 * The deadline counts working time in a year the business calendar has no data for (plain Monday–Friday weeks), so
 * it may move once that year's calendar is uploaded: the word says so on screen, its title (a tooltip, and what a
 * screen reader reads as its description) says why.
 */
function provisionalMark() {
  return h('span', { class: 'provisional', title: t('deadline.provisionalExplained') }, t('deadline.provisional'));
}
