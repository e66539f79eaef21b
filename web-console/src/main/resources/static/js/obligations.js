// Promises made to customers (承诺兑现), as escalation-service keeps them: each with its kind, amount, the branch that
// owes it, its due time (a countdown while open) and how it ended (kept with a reference, or waived with a reason).
// The agent sees a complaint's promises at the callback, the dispatcher their branch's open ones with a "Kept" form,
// the supervisor every open one with a "Waive" form. The words are in messages.js.
import { api, query } from './api.js';
import { h, replace } from './dom.js';
import { t } from './i18n.js';
import { dateTime } from './format.js';
import { countdown } from './countdown.js';
import { badge, empty, field, region, submitTo } from './ui.js';

/** The obligations matching {complaintId, branch, status}, soonest due first (the API's order). */
export function loadObligations(filter) {
  return api.get(`/api/v1/obligations${query(filter)}`);
}

/**
 * A list of obligations; actions: 'kept' (the dispatcher's form) and/or 'waive' (the supervisor's form), offered on
 * open ones only. changed(updated) hears of each change.
 */
export function obligationList(obligations, { actions = [], changed = () => {}, showComplaint = true } = {}) {
  if (!obligations.length) return empty('obligations.none');
  return h('ol', { class: 'obligations' }, obligations.map(obligation => obligationItem(obligation, actions, changed,
    showComplaint)));
}

function overdue(obligation) {
  return obligation.status === 'OPEN' && Date.parse(obligation.dueAt) <= Date.now();
}

function obligationItem(obligation, actions, changed, showComplaint) {
  const item = h('li', { id: `obligation-${obligation.id}`, class: overdue(obligation) ? 'obligation overdue' : 'obligation',
    dataset: { obligationId: obligation.id, complaintId: obligation.complaintId, status: obligation.status,
      kind: obligation.kind } });
  const draw = current => {
    item.dataset.status = current.status;
    item.classList.toggle('overdue', overdue(current));
    const open = current.status === 'OPEN';
    replace(item,
      h('div', { class: 'obligation-head' },
        badge('obligationStatus', current.status), ' ',
        h('strong', { class: 'obligation-kind' }, badge('promiseKind', current.kind)), ' ',
        current.amount !== null && current.amount !== undefined
          ? h('span', { class: 'obligation-amount' }, t('obligations.amount', { amount: Number(current.amount).toFixed(2) }), ' ') : null,
        h('span', { class: 'obligation-text' }, current.text || ''),
        showComplaint ? h('small', { class: 'muted' }, ' · ', t('obligations.complaint'), ' ', current.complaintId,
          ' #', String(current.number)) : null),
      h('div', { class: 'obligation-due' },
        t('obligations.due', { time: dateTime(current.dueAt) }),
        current.dueByDefault ? [' ', h('small', { class: 'muted' }, t('obligations.dueByDefault'))] : null,
        open ? [' ', countdown({ deadline: current.dueAt })] : null,
        open && overdue(current) ? [' ', h('span', { class: 'badge overdue-badge' }, t('obligations.overdue'))] : null,
        ' · ', current.owedBy ? t('obligations.owedBy', { branch: current.owedBy }) : t('obligations.notOwedYet')),
      current.fulfilment ? h('p', { class: 'obligation-fulfilment' }, t('obligations.fulfilled', {
        reference: current.fulfilment.reference, time: dateTime(current.fulfilment.at), actor: current.fulfilment.by || '' }),
      current.fulfilment.note ? [' — ', current.fulfilment.note] : null) : null,
      current.waiver ? h('p', { class: 'obligation-waiver' }, t('obligations.waived', {
        reason: current.waiver.reason, time: dateTime(current.waiver.at), actor: current.waiver.by || '' })) : null,
      open && actions.includes('kept') ? keptForm(current, saved) : null,
      open && actions.includes('waive') ? waiveForm(current, saved) : null);
  };
  function saved(updated) {
    draw(updated);
    changed(updated);
    item.tabIndex = -1;
    item.focus();
  }
  draw(obligation);
  return item;
}

/** The branch kept the promise: its reference (required, the API says so next to the field) and a note. */
function keptForm(obligation, done) {
  const reference = h('input', { name: 'reference', id: `kept-reference-${obligation.id}`, maxlength: 100,
    autocomplete: 'off', 'aria-required': 'true' });
  const note = h('input', { name: 'note', id: `kept-note-${obligation.id}`, maxlength: 500, autocomplete: 'off' });
  const form = h('form', { class: 'kept-form', novalidate: true },
    h('div', { class: 'field-row' }, field('obligations.reference', reference), field('obligations.note', note)),
    h('button', { type: 'submit', class: 'primary', id: `kept-${obligation.id}` }, t('obligations.kept')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const body = { reference: reference.value.trim() };
    if (note.value.trim()) body.note = note.value.trim();
    submitTo(form, `/api/v1/obligations/${encodeURIComponent(obligation.id)}/fulfilment`, body, done);
  });
  return form;
}

/** A supervisor releases the branch from the promise; the reason is required (the API's 400 shows next to it). */
function waiveForm(obligation, done) {
  const reason = h('input', { name: 'reason', id: `waive-reason-${obligation.id}`, maxlength: 500, autocomplete: 'off',
    'aria-required': 'true' });
  const form = h('form', { class: 'waive-form', novalidate: true }, field('obligations.reason', reason),
    h('button', { type: 'submit', id: `waive-${obligation.id}` }, t('obligations.waive')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    submitTo(form, `/api/v1/obligations/${encodeURIComponent(obligation.id)}/waiver`,
      { reason: reason.value.trim() }, done);
  });
  return form;
}

/**
 * A panel of the obligations matching filter, read again on Refresh and whenever reload() is called; returns
 * {element, reload}. setCount(n) hears how many are open.
 */
export function obligationsPanel(id, titleKey, filter, actions, setCount = () => {}) {
  const list = h('div', { id: `${id}-list`, 'aria-live': 'polite' });
  let open = 0;
  // a kept or waived one is no longer counted; it stays in view, as it ended, until the list is read again
  const changed = updated => { if (updated.status !== 'OPEN') setCount(open = Math.max(0, open - 1)); };
  const reload = region(list, async () => {
    const obligations = await loadObligations(filter);
    open = obligations.filter(obligation => obligation.status === 'OPEN').length;
    setCount(open);
    return obligations;
  }, obligations => obligationList(obligations, { actions, changed }), () => false);
  const element = h('div', { class: 'panel obligations-panel', id },
    h('div', { class: 'toolbar' }, h('h3', {}, t(titleKey)),
      h('button', { type: 'button', id: `${id}-refresh`, onclick: reload }, t('obligations.refresh'))),
    list);
  return { element, reload };
}
