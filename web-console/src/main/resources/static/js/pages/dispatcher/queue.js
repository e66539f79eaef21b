// The branch's queue: the open tickets first, newest first, each with its running deadlines; the finished ones in a
// collapsed section. Each row is a ticket (data-ticket-id, data-complaint-number, data-status); choosing one opens it.
import { h, replace } from '../../dom.js';
import { t, term } from '../../i18n.js';
import { dateTime } from '../../format.js';
import { badge, empty } from '../../ui.js';
import { clockList, ticketClocks } from './clocks.js';

const OPEN = ['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER'];

export function isOpen(ticket) {
  return OPEN.includes(ticket.status);
}

/**
 * Draws the tickets into the element. The rows of tickets for which isNew(ticket) holds are marked as just arrived,
 * the selected one as selected. Returns the deadline cells still waiting for their clocks, as
 * {ticket, cell}, so the caller can ask again.
 */
export function drawQueue(element, tickets, { isNew, selectedId, onSelect, finishedOpen, knownClocks }) {
  const open = tickets.filter(isOpen);
  const finished = tickets.filter(ticket => !isOpen(ticket));
  const pending = [];
  const row = ticket => {
    // the clocks known from the last drawing stay on screen until the fresh ones arrive
    const known = knownClocks.get(ticket.id);
    const cell = h('td', { class: 'deadlines' }, !isOpen(ticket) ? '' : known === undefined ? '…' : clockList(known));
    if (isOpen(ticket)) pending.push({ ticket, cell });
    return ticketRow(ticket, cell, { isNew: isNew(ticket), selectedId, onSelect });
  };
  replace(element,
    h('h3', {}, t('dispatcher.queue'), ' ', h('small', { id: 'open-count' }, t('dispatcher.queueCount', { count: open.length }))),
    open.length ? table('open-tickets', open.map(row)) : empty('dispatcher.noOpen'),
    h('details', { id: 'finished-tickets', open: finishedOpen },
      h('summary', {}, t('dispatcher.finished', { count: finished.length })),
      finished.length ? table('finished-table', finished.map(row)) : empty('dispatcher.noFinished')));
  return pending;
}

/**
 * Fills the deadline cells and remembers their clocks in knownClocks; returns the ones whose clocks
 * escalation-service does not have yet.
 */
export async function fillClocks(pending, knownClocks, stillWanted) {
  const missing = [];
  await Promise.all(pending.map(async entry => {
    try {
      const clocks = await ticketClocks(entry.ticket);
      if (!stillWanted()) return;
      knownClocks.set(entry.ticket.id, clocks);
      replace(entry.cell, clockList(clocks));
      if (clocks === null) missing.push(entry);
    } catch (error) {
      // the deadlines are a help, not the queue itself: say they are unknown and try again later
      replace(entry.cell, clockList(null));
      missing.push(entry);
    }
  }));
  return missing;
}

function table(id, rows) {
  return h('table', { id, class: 'queue' },
    h('thead', {}, h('tr', {}, ['number', 'category', 'status', 'deadlines']
      .map(column => h('th', { scope: 'col' }, t(`dispatcher.column.${column}`))))),
    h('tbody', {}, rows));
}

function ticketRow(ticket, deadlines, { isNew, selectedId, onSelect }) {
  const classes = [ticket.id === selectedId ? 'selected' : '', isNew ? 'highlight-new' : ''].filter(Boolean).join(' ');
  return h('tr', {
    class: classes || null,
    dataset: { ticketId: ticket.id, complaintNumber: ticket.complaintNumber || '', status: ticket.status,
      priority: ticket.priority || '' },
    onclick: () => onSelect(ticket),
  },
  // a real button, so that the queue can be worked with the keyboard
  h('td', {}, h('button', { type: 'button', class: 'link open-ticket', 'aria-pressed': ticket.id === selectedId ? 'true' : 'false',
    onclick: event => { event.stopPropagation(); onSelect(ticket); } }, ticket.complaintNumber || ticket.id),
  h('small', { class: 'created' }, h('time', { datetime: ticket.createdAt }, dateTime(ticket.createdAt)))),
  h('td', {}, term('category', ticket.category),
    h('small', { class: `priority priority-${String(ticket.priority).toLowerCase()}` }, term('priority', ticket.priority))),
  h('td', {}, badge('ticketStatus', ticket.status),
    ticket.handler ? h('small', { class: 'handler', title: t('dispatcher.column.handler') }, ticket.handler) : null),
  deadlines);
}
