// The callback worklist (回访): the callbacks due now, soonest due first, overdue ones marked; choosing one shows its
// calls so far and lets the agent record a call, then the outcome with the survey of docs/architecture.md §6. Only the actions the
// API lists in allowedActions are offered.
import { api, query } from '../../api.js';
import { formJson, h, replace } from '../../dom.js';
import { t, term } from '../../i18n.js';
import { dateTime } from '../../format.js';
import { VOCABULARY } from '../../messages.js';
import { choice, empty, fact, field, region, submitTo } from '../../ui.js';
import { loadObligations, obligationList } from '../../obligations.js';

const FILTERS = ['DUE', 'OPEN', 'SURVEY_SENT', 'COMPLETED'];
const PAGE_SIZE = 50;
const REFRESH_MS = 60000;
const SURVEY_SCORES = ['easyToReach', 'responseSpeed', 'staffSkill', 'staffAttitude'];

/** The worklist; onDueCount(total) hears how many are due whenever the DUE list is loaded. */
export function callbackWorklist(timeline, onDueCount) {
  let status = 'DUE';
  let selectedId = null;
  const list = h('div', { id: 'callback-list', 'aria-live': 'polite' });
  const detail = h('section', { class: 'panel', id: 'callback-detail', 'aria-label': t('agent.callbacks.work') },
    empty('agent.callback.choose'));
  const total = h('span', { class: 'muted', id: 'callback-total' });

  const filter = h('select', { id: 'callback-status', onchange: event => { status = event.target.value; replace(list); reload(); } },
    FILTERS.map(value => h('option', { value, selected: value === status }, t(`agent.callbacks.filter.${value}`))));

  async function load() {
    const page = await api.get(`/api/v1/callbacks${query({ status, page: 0, size: PAGE_SIZE })}`);
    const items = Array.isArray(page) ? page : page.items;
    const count = Array.isArray(page) ? page.length : page.total;
    total.textContent = t('agent.callbacks.total', { total: count });
    if (status === 'DUE') onDueCount(count);
    return items;
  }

  // table() draws the empty list itself, with the worklist's own words
  const reload = region(list, load, items => table(items, selectedId, timeline, select), () => false);

  function select(callbackId) {
    selectedId = callbackId;
    list.querySelectorAll('tr[data-callback-id]').forEach(row =>
      row.classList.toggle('selected', row.dataset.callbackId === callbackId));
    showDetail(detail, callbackId, timeline, () => reload());
  }

  const timer = setInterval(() => reload(), REFRESH_MS);
  const element = h('div', { class: 'agent-callbacks' },
    h('div', { class: 'toolbar' },
      h('h3', { id: 'callbacks-title' }, t('agent.callbacks.title')),
      h('label', { for: 'callback-status' }, t('agent.callbacks.filter')), filter,
      h('button', { type: 'button', id: 'callback-refresh', onclick: () => reload() }, t('agent.callbacks.refresh')),
      total),
    h('div', { class: 'columns' }, list, detail));
  return { element, reload, stop: () => clearInterval(timer) };
}

function table(items, selectedId, timeline, select) {
  if (!items.length) return empty('agent.callbacks.none');
  return h('table', { id: 'callback-table' },
    h('thead', {}, h('tr', {},
      ['complaint', 'customer', 'branch', 'dueAt', 'attempts', 'status'].map(key => h('th', { scope: 'col' }, t(`agent.callbacks.${key}`))),
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('agent.callbacks.work'))))),
    h('tbody', {}, items.map(callback => row(callback, selectedId, timeline, select))));
}

function row(callback, selectedId, timeline, select) {
  const actionable = (callback.allowedActions || []).some(action => action === 'attempt' || action === 'outcome');
  const last = callback.attempts?.[callback.attempts.length - 1];
  return h('tr', { id: `callback-${callback.id}`, class: [callback.id === selectedId ? 'selected' : '', callback.overdue ? 'overdue' : ''].join(' ').trim() || null,
    dataset: { callbackId: callback.id, complaintId: callback.complaintId, complaintNumber: callback.complaintNumber || '' } },
  h('td', {}, timeline.link(callback.complaintId, callback.complaintNumber)),
  h('td', {}, callback.customerName, h('br'), h('span', { class: 'phone' }, callback.customerPhone)),
  h('td', {}, callback.branch || ''),
  h('td', {}, h('time', { datetime: callback.dueAt }, dateTime(callback.dueAt)),
    callback.overdue ? [' ', h('span', { class: 'badge overdue-badge' }, t('agent.callbacks.overdue'))] : null),
  h('td', {}, String(callback.attempts?.length || 0),
    last ? [' · ', term('attemptResult', last.result)] : null,
    callback.nextAttemptAt && Date.parse(callback.nextAttemptAt) > Date.now()
      ? h('small', { class: 'muted next-call' }, t('agent.callbacks.nextCall', { time: dateTime(callback.nextAttemptAt) })) : null),
  h('td', {}, h('span', { class: `badge callback-${String(callback.status).toLowerCase()}` }, t(`agent.callbacks.status.${callback.status}`))),
  h('td', {}, h('button', { type: 'button', class: actionable ? 'primary work' : 'work', id: `work-${callback.id}`,
    onclick: () => select(callback.id) }, t(actionable ? 'agent.callbacks.work' : 'agent.callbacks.view'))));
}

/** The chosen callback, fetched fresh, with the forms its allowedActions permit. */
function showDetail(panel, callbackId, timeline, changed) {
  // a recorded call or outcome redraws the panel from the API's answer and refreshes the list
  const onSaved = updated => {
    replace(panel, detail(updated, timeline, onSaved, true));
    changed();
  };
  replace(panel);
  region(panel, () => api.get(`/api/v1/callbacks/${encodeURIComponent(callbackId)}`),
    callback => detail(callback, timeline, onSaved, false), () => false);
}

function detail(callback, timeline, onSaved, saved) {
  const allowed = callback.allowedActions || [];
  return h('div', { class: 'callback-detail', dataset: { callbackId: callback.id, status: callback.status } },
    h('h3', {}, t('agent.callback.title'), ' ', timeline.link(callback.complaintId, callback.complaintNumber)),
    saved ? h('p', { class: 'saved', role: 'status' }, t('agent.callback.saved')) : null,
    h('p', { class: 'call-who' }, t('agent.callback.call', { name: callback.customerName || '', phone: '' }),
      h('a', { href: `tel:${callback.customerPhone}`, class: 'phone' }, callback.customerPhone)),
    h('p', {}, t('agent.callback.dueLabel'), h('time', { datetime: callback.dueAt }, dateTime(callback.dueAt)),
      callback.overdue ? [' ', h('span', { class: 'badge overdue-badge' }, t('agent.callbacks.overdue'))] : null,
      ' · ', h('span', { class: `badge callback-${String(callback.status).toLowerCase()}` }, t(`agent.callbacks.status.${callback.status}`))),
    obligationsOf(callback),
    heldReply(callback),
    attempts(callback),
    callback.status === 'SURVEY_SENT' ? h('p', { class: 'muted' }, t('agent.callback.surveySent', {
      time: dateTime(callback.surveySentAt), replyBy: dateTime(callback.replyBy) })) : null,
    callback.status === 'COMPLETED' ? completed(callback) : null,
    allowed.includes('attempt') ? attemptForm(callback, onSaved) : null,
    allowed.includes('outcome') ? outcomeForm(callback, onSaved) : null);
}

/**
 * The customer's SMS survey answer held back because promises were still open (id callback-held-reply): the agent
 * calls them once each promise is kept or waived.
 */
function heldReply(callback) {
  const held = callback.heldReply;
  if (!held) return null;
  return h('p', { id: 'callback-held-reply', role: 'note' }, t('agent.callback.heldReply', {
    outcome: term('outcome', held.outcome), time: dateTime(held.receivedAt),
    promises: (held.openObligations || []).join(', ') }));
}

function attempts(callback) {
  const list = callback.attempts || [];
  return h('div', { class: 'attempts' },
    h('h4', {}, t('agent.callback.attemptsTitle')),
    list.length ? h('ol', { id: 'callback-attempts' }, list.map(attempt => h('li', {},
      h('strong', {}, term('attemptResult', attempt.result)), ' · ',
      h('time', { datetime: attempt.at }, dateTime(attempt.at)), ' · ', attempt.actor || '',
      attempt.note ? [' — ', attempt.note] : null)))
      : h('p', { class: 'muted' }, t('agent.callback.noAttempts')),
    callback.nextAttemptAt && Date.parse(callback.nextAttemptAt) > Date.now()
      ? h('p', { class: 'muted' }, t('agent.callbacks.nextCall', { time: dateTime(callback.nextAttemptAt) })) : null);
}

function completed(callback) {
  const survey = callback.survey || {};
  return h('div', { class: 'completed', id: 'callback-completed' },
    h('p', {}, t('agent.callback.completed', { outcome: term('outcome', callback.outcome),
      time: dateTime(callback.completedAt), actor: callback.completedBy || '' })),
    callback.note ? h('p', {}, callback.note) : null,
    h('dl', { class: 'facts' }, SURVEY_SCORES.concat('improvement')
      .map(name => fact(`agent.callback.survey.${name}`, survey[name] ?? null))));
}

function attemptForm(callback, onSaved) {
  const result = choice('result', 'attemptResult', VOCABULARY.attemptResult, { required: true });
  result.id = 'attempt-result';
  const form = h('form', { id: 'attempt-form', class: 'callback-form', novalidate: true },
    h('h4', {}, t('agent.callback.attempt')),
    h('div', { class: 'field-row' },
      field('agent.callback.result', result),
      field('agent.callback.note', h('input', { name: 'note', id: 'attempt-note', maxlength: 1000, autocomplete: 'off' }))),
    h('button', { type: 'submit', class: 'primary', id: 'save-attempt' }, t('agent.callback.saveAttempt')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    submitTo(form, `/api/v1/callbacks/${encodeURIComponent(callback.id)}/attempts`, formJson(form), onSaved,
      error => tooSoon(form, callback, error));
  });
  return form;
}

/** A 409 for a call too soon: say from when the next call is allowed, on the agent's clock. */
async function tooSoon(form, callback, error) {
  if (error.status !== 409) return;
  try {
    const fresh = await api.get(`/api/v1/callbacks/${encodeURIComponent(callback.id)}`);
    const note = form.querySelector('.form-error');
    if (note && fresh.nextAttemptAt && Date.parse(fresh.nextAttemptAt) > Date.now()) {
      note.textContent = t('agent.callback.tooSoon', { time: dateTime(fresh.nextAttemptAt) });
    }
  } catch (ignored) {
    // the API's own words stay on screen
  }
}

function outcomeForm(callback, onSaved) {
  const outcome = choice('outcome', 'outcome', VOCABULARY.outcome, { required: true });
  outcome.id = 'outcome-choice';
  const survey = h('fieldset', { class: 'survey', id: 'survey' },
    h('legend', {}, t('agent.callback.survey')),
    SURVEY_SCORES.map(score),
    field('agent.callback.survey.improvement', h('textarea', { name: 'survey.improvement', id: 'survey-improvement', maxlength: 1000, rows: 2 })));
  // nobody answered the survey of an unreachable customer
  outcome.addEventListener('change', () => { survey.disabled = outcome.value === 'UNREACHABLE'; });
  const form = h('form', { id: 'outcome-form', class: 'callback-form', novalidate: true },
    h('h4', {}, t('agent.callback.outcome')),
    field('agent.callback.outcomeLabel', outcome),
    survey,
    field('agent.callback.note', h('textarea', { name: 'note', id: 'outcome-note', maxlength: 1000, rows: 2 })),
    h('button', { type: 'submit', class: 'primary', id: 'save-outcome' }, t('agent.callback.saveOutcome')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    submitTo(form, `/api/v1/callbacks/${encodeURIComponent(callback.id)}/outcome`, outcomeBody(form), onSaved,
      error => promisesStillOpen(form, callback, error));
  });
  return form;
}

/** The complaint's promises (承诺) and their state, read from escalation-service; id callback-obligations. */
function obligationsOf(callback) {
  const list = h('div', { id: 'callback-obligations-list' });
  const section = h('div', { class: 'callback-obligations', id: 'callback-obligations' },
    h('h4', {}, t('agent.callback.obligations')), list);
  region(list, () => loadObligations({ complaintId: callback.complaintId }),
    obligations => obligationList(obligations, { showComplaint: false }), () => false);
  return section;
}

/**
 * A 409 for a satisfied outcome while promises are open names them by id (openObligations): said as the promises
 * the agent sees, and the list above is read again so that it shows their state now.
 */
async function promisesStillOpen(form, callback, error) {
  const open = error.status === 409 ? error.problem?.openObligations : null;
  if (!Array.isArray(open) || !open.length) return;
  let named = open;
  try {
    const obligations = await loadObligations({ complaintId: callback.complaintId });
    named = open.map(id => {
      const obligation = obligations.find(candidate => candidate.id === id);
      return obligation ? `#${obligation.number} ${term('promiseKind', obligation.kind)} ${obligation.text || ''}`.trim() : id;
    });
    const list = form.closest('.callback-detail')?.querySelector('#callback-obligations-list');
    if (list) replace(list, obligationList(obligations, { showComplaint: false }));
  } catch (ignored) {
    // the ids stand for themselves
  }
  const note = form.querySelector('.form-error') ?? form.insertBefore(h('p', { class: 'form-error', role: 'alert' }), form.firstChild);
  note.id = 'open-obligations';
  note.textContent = t('agent.callback.openObligations', { promises: named.join('; ') });
}

/** One survey question as five radio buttons, 1 (poor) to 5 (very good). */
function score(name) {
  const legendId = `survey-${name}-label`;
  return h('div', { class: 'score', role: 'radiogroup', 'aria-labelledby': legendId },
    h('span', { id: legendId, class: 'score-question' }, t(`agent.callback.survey.${name}`)),
    h('span', { class: 'score-choices' }, [1, 2, 3, 4, 5].map(value => h('label', { class: 'score-choice' },
      h('input', { type: 'radio', name: `survey.${name}`, id: `survey-${name}-${value}`, value: String(value) }),
      String(value)))));
}

/** The outcome with the survey's scores as numbers; no survey when nothing was answered. */
function outcomeBody(form) {
  const json = formJson(form); // a disabled fieldset sends nothing, as wanted for UNREACHABLE
  const body = { outcome: json.outcome };
  if (json.note) body.note = json.note;
  const answers = json.survey || {};
  const survey = {};
  SURVEY_SCORES.forEach(name => { if (answers[name]) survey[name] = Number(answers[name]); });
  if (answers.improvement) survey.improvement = answers.improvement;
  if (Object.keys(survey).length) body.survey = survey;
  return body;
}

