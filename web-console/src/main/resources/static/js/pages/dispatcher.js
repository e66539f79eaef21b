// The branch dispatcher's page: one of the branches the signed-in dispatcher works (their token's branches; the
// dispatch desk's queue MANUAL for the desk; remembered on this computer), then its live queue, the chosen ticket with
// the actions it allows, and the latest messages to the branch.
//
// The queue is read again whenever a live message arrives (messages are only sent once notification-service has
// processed an event, so the page also reads again after the dispatcher's own actions), every half minute in case a
// message was missed, and the deadlines that escalation-service does not know yet are asked for again every few
// seconds.
import './dispatcher-messages.js';
import { api, query } from '../api.js';
import { h, replace } from '../dom.js';
import { t, term } from '../i18n.js';
import { dateTime } from '../format.js';
import { DESK_QUEUE, allowedBranches, remember, remembered } from '../session.js';
import { listen } from '../live.js';
import { empty, failure, loading } from '../ui.js';
import { obligationsPanel } from '../obligations.js';
import { branchActionsPanel } from '../problems.js';
import { drawQueue, fillClocks } from './dispatcher/queue.js';
import { drawDetail } from './dispatcher/detail.js';

const BRANCH = 'dispatcher.branch';
const QUEUE_SIZE = 100;
const DEBOUNCE_MS = 400;
const REFRESH_MS = 30000;
const CLOCK_RETRY_MS = 2000;
/** When to read again after the dispatcher's own action: the deadlines change once escalation-service heard of it. */
const AFTER_ACTION_MS = [1500, 5000];
const LATEST_SHOWN = 8;
/** How long a newly arrived ticket stays highlighted, also when the queue is drawn again meanwhile. */
const NEW_FOR_MS = 10000;

export default {
  mount(container) {
    const page = new DispatcherPage(container);
    page.start();
    return () => page.stop();
  },
};

class DispatcherPage {
  constructor(container) {
    this.container = container;
    this.branch = remembered(BRANCH);
    this.timers = new Set();
    this.complaints = new Map();
    this.knownClocks = new Map();
    this.arrivedAt = new Map();
    this.live = null;
    this.stopped = false;
  }

  start() {
    this.branchSelect = h('select', { id: 'branch', name: 'branch', onchange: event => this.choose(event.target.value) },
      h('option', { value: '' }, '—'));
    this.liveSlot = h('span', { id: 'live-slot' });
    this.body = h('div', { id: 'dispatcher-body' });
    replace(this.container, h('section', { class: 'dispatcher', id: 'dispatcher' },
      h('h2', {}, t('nav.dispatcher')),
      h('div', { class: 'toolbar' },
        h('label', { for: 'branch' }, t('dispatcher.branch')), this.branchSelect,
        h('button', { type: 'button', id: 'refresh', onclick: () => this.reload() }, t('dispatcher.refresh')),
        this.liveSlot),
      this.body));
    this.loadBranches();
    this.every(REFRESH_MS, () => this.reload());
    this.every(CLOCK_RETRY_MS, () => this.retryClocks());
  }

  stop() {
    this.stopped = true;
    this.live?.close();
    this.timers.forEach(timer => { clearInterval(timer); clearTimeout(timer); });
    this.timers.clear();
  }

  every(ms, task) {
    this.timers.add(setInterval(() => { if (!this.stopped) task(); }, ms));
  }

  /**
   * Offers only the branches this dispatcher works, named as the branch directory names them; the codes alone when
   * the directory does not answer. One branch is chosen at once.
   */
  async loadBranches() {
    const codes = allowedBranches();
    if (!codes.length) {
      replace(this.body, h('p', { class: 'state empty', id: 'no-branches' }, t('dispatcher.noBranches')));
      return;
    }
    replace(this.body, loading());
    const names = await this.branchNames();
    if (this.stopped) return;
    if (!codes.includes(this.branch)) this.branch = codes.length === 1 ? codes[0] : '';
    replace(this.branchSelect, codes.length === 1 ? null : h('option', { value: '' }, '—'), codes.map(code => h('option', {
      value: code, selected: code === this.branch }, names.has(code) ? `${names.get(code)} (${code})` : code)));
    this.openBranch();
  }

  async branchNames() {
    const names = new Map([[DESK_QUEUE, t('dispatcher.deskQueue')]]);
    try {
      (await api.get('/api/v1/branches')).forEach(branch => names.set(branch.code, branch.name));
    } catch (error) {
      // the codes say enough; the queue shows whether ticket-router answers
    }
    return names;
  }

  choose(code) {
    this.branch = code;
    remember(BRANCH, code);
    this.openBranch();
  }

  /** Lays out the chosen branch's page and starts listening to its live messages. */
  openBranch() {
    this.live?.close();
    this.live = null;
    replace(this.liveSlot);
    this.tickets = null;
    this.selectedId = null;
    this.readDetailClocks = null;
    this.knownClocks.clear();
    this.arrivedAt.clear();
    this.missingClocks = [];
    if (!this.branch) {
      replace(this.body, h('p', { class: 'state empty', id: 'choose-branch' }, t('dispatcher.chooseBranch')));
      return;
    }
    this.queue = h('div', { class: 'panel queue-panel', id: 'queue', dataset: { branch: this.branch } }, loading());
    this.detail = h('div', { class: 'panel detail-panel', id: 'ticket-detail', role: 'region', 'aria-label': t('dispatcher.detail') },
      empty('dispatcher.selectTicket'));
    this.latest = h('ol', { class: 'latest', id: 'latest-messages' });
    // the branch's open promises to customers, soonest due first, each with a countdown and a "Kept" form
    // (the dispatch desk's queue of unrouted complaints owes nobody anything)
    this.obligations = this.branch === DESK_QUEUE ? null : obligationsPanel('branch-obligations', 'obligations.title',
      { branch: this.branch, status: 'OPEN' }, ['kept']);
    // the corrective actions of open problems (问题单) the branch owns, each with a "Done" form
    this.branchActions = this.branch === DESK_QUEUE ? null : branchActionsPanel(this.branch);
    replace(this.body, h('div', { class: 'columns dispatcher-columns' },
      h('div', {}, this.queue, this.obligations?.element, this.branchActions?.element,
        h('div', { class: 'panel latest-panel' }, h('h3', {}, t('dispatcher.latest')), this.latest,
          h('p', { class: 'state empty', id: 'no-latest' }, t('dispatcher.noLatest')))),
      this.detail));
    // after a break in the stream, the queue is read again for what arrived meanwhile
    this.live = listen(`/api/v1/live${query({ recipient: `branch:${this.branch}` })}`, 'message',
      message => this.arrived(message), () => this.reload());
    replace(this.liveSlot, this.live.indicator);
    this.reload();
  }

  /** A live message to the branch: shown in the latest list, and the queue is read again (once for a burst). */
  arrived(message) {
    if (this.stopped) return;
    this.latest.prepend(h('li', { dataset: { purpose: message.purpose || '', complaintId: message.complaintId || '' } },
      h('time', { datetime: message.createdAt }, dateTime(message.createdAt)), ' ',
      h('strong', {}, term('dispatcher.purpose', message.purpose)), ' ',
      message.subject ? h('span', { class: 'subject' }, message.subject, ' ') : null,
      h('span', { class: 'text' }, message.text || '')));
    while (this.latest.children.length > LATEST_SHOWN) this.latest.lastElementChild.remove();
    this.container.querySelector('#no-latest')?.remove();
    clearTimeout(this.debounce);
    this.timers.delete(this.debounce);
    this.debounce = setTimeout(() => this.reload(), DEBOUNCE_MS);
    this.timers.add(this.debounce);
  }

  /** Reads the queue again and draws it; the tickets not there before are highlighted. */
  async reload() {
    if (!this.branch || this.stopped) return;
    const branch = this.branch;
    // readings overlap (a live message, an action, the timer): only the latest one is drawn
    const reading = this.readings = (this.readings || 0) + 1;
    let tickets;
    try {
      tickets = await api.get(`/api/v1/tickets${query({ branch, limit: QUEUE_SIZE })}`);
    } catch (error) {
      if (!this.stopped && reading === this.readings) replace(this.queue, failure(error, () => this.reload()));
      return;
    }
    if (this.stopped || branch !== this.branch || reading !== this.readings) return;
    this.noteArrivals(tickets);
    this.tickets = tickets;
    const now = Date.now();
    const pending = drawQueue(this.queue, tickets, {
      isNew: ticket => now - (this.arrivedAt.get(ticket.id) ?? -Infinity) < NEW_FOR_MS,
      selectedId: this.selectedId,
      knownClocks: this.knownClocks,
      finishedOpen: this.queue.querySelector('#finished-tickets')?.open,
      onSelect: ticket => this.select(ticket) });
    this.queue.dataset.loaded = String(Date.now());
    this.refreshSelected(tickets);
    this.missingClocks = await fillClocks(pending, this.knownClocks, () => !this.stopped && branch === this.branch);
  }

  /** Remembers when each ticket first appeared; the ones of the first reading were there before the page. */
  noteArrivals(tickets) {
    if (!this.tickets) return;
    const before = new Set(this.tickets.map(ticket => ticket.id));
    tickets.filter(ticket => !before.has(ticket.id) && !this.arrivedAt.has(ticket.id))
      .forEach(ticket => this.arrivedAt.set(ticket.id, Date.now()));
  }

  /** Asks escalation-service again for the deadlines it did not have at the last reading. */
  async retryClocks() {
    if (!this.missingClocks?.length) return;
    const branch = this.branch;
    const retry = this.missingClocks.filter(entry => entry.cell.isConnected);
    this.missingClocks = [];
    const missing = await fillClocks(retry, this.knownClocks, () => !this.stopped && branch === this.branch);
    this.missingClocks.push(...missing);
  }

  select(ticket, message, problem) {
    this.selectedId = ticket.id;
    this.shownTicket = ticket;
    this.queue.querySelectorAll('tr[data-ticket-id]').forEach(row => {
      const selected = row.dataset.ticketId === ticket.id;
      row.classList.toggle('selected', selected);
      row.querySelector('.open-ticket')?.setAttribute('aria-pressed', String(selected));
    });
    this.readDetailClocks = drawDetail(this.detail, ticket, { complaints: this.complaints, message, problem,
      onChanged: (changed, done) => this.changed(changed, done),
      onStale: (fresh, refused) => { this.select(fresh, null, refused); this.reload(); } });
  }

  /** After the dispatcher's own action: show the ticket as it is now, and read the queue again. */
  changed(ticket, message) {
    this.select(ticket, message);
    this.reload();
    AFTER_ACTION_MS.forEach(ms => {
      const later = setTimeout(() => { this.timers.delete(later); if (!this.stopped) this.reload(); }, ms);
      this.timers.add(later);
    });
  }

  /**
   * Shows the fresh copy of the chosen ticket when someone else changed it, unless the dispatcher is filling in a form
   * for it (that would lose what they typed).
   */
  refreshSelected(tickets) {
    const fresh = tickets.find(ticket => ticket.id === this.selectedId);
    if (!fresh || !this.shownTicket) return;
    const same = fresh.status === this.shownTicket.status
      && (fresh.history || []).length === (this.shownTicket.history || []).length;
    if (same || this.detail.querySelector('#action-form')) {
      this.readDetailClocks?.();
      return;
    }
    const message = this.detail.querySelector('#done-message')?.textContent;
    this.select(fresh, message);
  }
}
