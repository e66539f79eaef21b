// Problems (问题单) and their corrective actions (整改措施), as escalation-service keeps them: complaints found to share
// one cause (5 of one category in one district within 2 hours, or linked by a supervisor), and what is done about it,
// so that one branch fix answers them all. The supervisor works them on the "Problems" tab, the office meeting sees the
// ones on its agenda, the dispatcher sees a ticket's problem and the open actions their branch owns with a "Done" form.
// The words are in messages.js.
import { api, query } from './api.js';
import { h, replace } from './dom.js';
import { t } from './i18n.js';
import { dateTime } from './format.js';
import { countdown } from './countdown.js';
import { badge, empty, field, region, submitTo } from './ui.js';

/** The problems matching {status, agenda, complaintId}, newest first (the API's order). */
export function loadProblems(filter = {}) {
  return api.get(`/api/v1/problems${query(filter)}`);
}

/** The address of a problem on the supervisor's page. */
export function problemAddress(id) {
  return `#/supervisor/problems/${encodeURIComponent(id)}`;
}

/** A badge saying the problem is on the office meeting's agenda (null when it is not). */
export function agendaBadge(problem) {
  return problem.agenda ? h('span', { class: 'badge problem-on-agenda', title: problem.agenda.reason || '' },
    t('problems.onAgenda')) : null;
}

/**
 * A list of corrective actions, each with its owner, its due time (a countdown until it is done) and status; offer
 * ('done') adds a "Done" form to each action not done yet. done(problem) hears of the problem as the service answers.
 */
export function actionList(problem, actions, { offer = [], done = () => {}, showProblem = false } = {}) {
  if (!actions.length) return empty('problems.noActions');
  return h('ol', { class: 'problem-actions' }, actions.map(action => actionItem(problem, action, offer, done,
    showProblem)));
}

function actionItem(problem, action, offer, done, showProblem) {
  const open = action.status !== 'DONE';
  return h('li', { id: `action-${action.id}`, class: `problem-action status-${action.status.toLowerCase()}`,
    dataset: { actionId: action.id, problemId: problem.id, status: action.status, owner: action.owner } },
  h('div', { class: 'action-head' },
    badge('actionStatus', action.status), ' ',
    h('strong', { class: 'action-what' }, action.what),
    showProblem ? h('small', { class: 'muted' }, ' · ', t('problems.problem'), ' ', problem.id, ' ', problem.title) : null),
  h('div', { class: 'action-due' },
    t('problems.actionOwner', { owner: action.owner }), ' · ',
    t('problems.actionDue', { time: dateTime(action.dueAt) }),
    open ? [' ', countdown({ deadline: action.dueAt, warnAt: action.warnAt, breached: action.status === 'OVERDUE' })]
      : null),
  h('div', { class: 'muted' }, t('problems.actionPlanned', { actor: action.plannedBy || '—', time: dateTime(action.plannedAt) })),
  action.doneAt ? h('p', { class: 'action-done' }, t('problems.actionDoneBy', { actor: action.doneBy || '—',
    time: dateTime(action.doneAt) }), action.note ? [' — ', h('span', { class: 'action-note' }, action.note)] : null)
    : null,
  open && offer.includes('done') ? doneForm(problem, action, done) : null);
}

/** The action is done: a note (optional); a second "Done" is answered 409, said on the form. */
function doneForm(problem, action, done) {
  const note = h('input', { name: 'note', id: `action-note-${action.id}`, maxlength: 1000, autocomplete: 'off' });
  const form = h('form', { class: 'action-done-form', novalidate: true },
    field('problems.actionNote', note),
    h('button', { type: 'submit', class: 'primary', id: `action-done-${action.id}` }, t('problems.markDone')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const body = note.value.trim() ? { note: note.value.trim() } : {};
    submitTo(form, `/api/v1/problems/${encodeURIComponent(problem.id)}/actions/${encodeURIComponent(action.id)}/done`,
      body, done);
  });
  return form;
}

/**
 * The problem a complaint is linked to, for the ticket's detail: its id and title (one branch fix can answer every
 * complaint of it), or nothing when it is linked to none; a failure to ask leaves it out (the ticket is what matters).
 */
export async function drawComplaintProblem(element, complaintId) {
  try {
    const problems = await loadProblems({ complaintId });
    if (!problems.length) {
      replace(element);
      element.hidden = true;
      return;
    }
    element.hidden = false;
    replace(element, problems.map(problem => h('div', { class: 'ticket-problem-line', dataset: {
      problemId: problem.id, status: problem.status } },
    h('strong', {}, t('problems.linkedTo')), ' ',
    h('span', { class: 'problem-id' }, problem.id), ' · ',
    h('span', { class: 'problem-title' }, problem.title), ' ',
    badge('problemStatus', problem.status), ' ', agendaBadge(problem),
    h('div', { class: 'muted' }, t('problems.linkedExplained', { count: (problem.complaints || []).length })))));
  } catch (error) {
    replace(element);
    element.hidden = true;
  }
}

/**
 * The corrective actions a branch owns on open problems and has not done yet, each with its countdown and a "Done"
 * form (the owning branch's dispatcher may mark it done); returns {element, reload}. A done one stays in view, done,
 * until the list is read again.
 */
export function branchActionsPanel(branch) {
  const list = h('div', { id: 'branch-actions-list', 'aria-live': 'polite' });
  const item = (problem, action) => {
    const drawn = actionItem(problem, action, ['done'], updated => {
      const now = (updated.actions || []).find(other => other.id === action.id) || action;
      const redrawn = actionItem(updated, now, [], () => {}, true);
      drawn.replaceWith(redrawn);
      redrawn.tabIndex = -1;
      redrawn.focus();
    }, true);
    return drawn;
  };
  const reload = region(list, async () => (await loadProblems({ status: 'OPEN' }))
    .flatMap(problem => (problem.actions || [])
      .filter(action => action.owner === branch && action.status !== 'DONE')
      .map(action => ({ problem, action }))),
  owned => (owned.length ? h('ol', { class: 'problem-actions' }, owned.map(({ problem, action }) => item(problem, action)))
    : empty('problems.noBranchActions')), () => false);
  const element = h('div', { class: 'panel branch-actions-panel', id: 'branch-actions' },
    h('div', { class: 'toolbar' }, h('h3', {}, t('problems.branchActions')),
      h('button', { type: 'button', id: 'branch-actions-refresh', onclick: reload }, t('obligations.refresh'))),
    list);
  return { element, reload };
}
