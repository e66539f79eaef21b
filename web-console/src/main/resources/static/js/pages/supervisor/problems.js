// Problems (问题单): complaints that share one cause, as escalation-service finds them (5 of one category in one
// district within 2 hours) or a supervisor links them by hand, and the corrective actions (整改措施) that answer them
// all. The list on the left (open or closed ones, newest first, marked when on the office meeting's agenda), the chosen
// problem on the right: its complaints in the order they were registered, its actions counting down to their due
// time, and the forms to link more complaints, add an action, mark one done, put the problem on the agenda and close
// it (telling every customer by SMS if asked). The chosen problem is in the address (#/supervisor/problems/PB-…), so
// that an alert can link to it and switching language keeps it.
import { api } from '../../api.js';
import { h, replace, showFieldErrors } from '../../dom.js';
import { t, term } from '../../i18n.js';
import { dateTime, instantOfLocal } from '../../format.js';
import { VOCABULARY } from '../../messages.js';
import { actionList, agendaBadge, loadProblems } from '../../problems.js';
import { badge, choice, empty, fact, failure, field, loading, region, submitTo } from '../../ui.js';

const STATUSES = ['OPEN', 'CLOSED'];
const TAB = 'problems';

const addressParts = () => location.hash.replace(/^#\/?/, '').split('/');
const tabInAddress = () => addressParts()[1];

/** The problem named in the address, #/supervisor/problems/<id>, if any. */
function problemInAddress() {
  const [, tab, id] = addressParts();
  return tab === TAB && id ? decodeURIComponent(id) : null;
}

export function problemsPart(setCount) {
  const problems = new Map();
  let status = 'OPEN';
  let chosen = problemInAddress();
  const list = h('div', { class: 'problem-list', id: 'problem-list' });
  const detail = h('div', { class: 'problem-detail', id: 'problem-detail', tabindex: '-1' }, empty('problems.choose'));

  const chips = STATUSES.map(value => h('button', { type: 'button', class: 'chip', dataset: { status: value },
    'aria-pressed': String(value === status), onclick: () => filter(value) }, term('problemStatus', value)));

  const filter = value => {
    status = value;
    chips.forEach(chip => chip.setAttribute('aria-pressed', String(chip.dataset.status === value)));
    reload();
  };

  const mark = id => list.querySelectorAll('tr[data-problem-id]').forEach(row => {
    row.classList.toggle('selected', row.dataset.problemId === id);
    row.querySelector('button')?.setAttribute('aria-pressed', String(row.dataset.problemId === id));
  });

  /** Shows a problem on the right, and names it in the address. */
  const show = (problem, message) => {
    chosen = problem.id;
    mark(problem.id);
    detail.dataset.problemId = problem.id;
    detail.dataset.status = problem.status;
    replace(detail, problemDetail(problem, changed));
    if (message) {
      const saved = h('p', { class: 'problem-saved', id: 'problem-saved', role: 'status', tabindex: '-1' }, message);
      detail.querySelector('h3').after(saved);
      saved.focus();
    }
    // only while the tab is the one shown: the part is drawn, and a problem chosen, behind the other tabs too
    const address = `#/supervisor/${TAB}/${encodeURIComponent(problem.id)}`;
    if (location.hash !== address && tabInAddress() === TAB) history.replaceState(null, '', address);
  };

  /** Chooses a problem of the list, or reads one the list does not hold (a closed one an alert links to). */
  const choose = async id => {
    if (problems.has(id)) {
      show(problems.get(id));
      return;
    }
    replace(detail, loading());
    try {
      show(await api.get(`/api/v1/problems/${encodeURIComponent(id)}`));
    } catch (error) {
      replace(detail, failure(error, () => choose(id)));
    }
  };

  // The service answered with the problem as it now is: keep it, draw the list again, and show it with the message.
  const changed = (problem, messageKey) => {
    problems.set(problem.id, problem);
    countOpen();
    drawList();
    show(problem, t(messageKey));
  };

  const countOpen = () => {
    if (status === 'OPEN') setCount([...problems.values()].filter(problem => problem.status === 'OPEN').length);
  };

  const drawList = () => replace(list, problems.size ? problemTable([...problems.values()], choose)
    : empty(`problems.empty.${status}`));

  const reload = region(list, async () => {
    const found = await loadProblems({ status });
    problems.clear();
    found.forEach(problem => problems.set(problem.id, problem));
    countOpen();
    return found;
  }, found => {
    // keep the problem the supervisor was reading (also one of the other status); else open the first
    if (chosen) queueMicrotask(() => choose(chosen));
    else if (found.length) queueMicrotask(() => choose(found[0].id));
    return found.length ? problemTable(found, choose) : empty(`problems.empty.${status}`);
  }, () => false);

  const openByHand = () => {
    chosen = null;
    mark(null);
    delete detail.dataset.problemId;
    delete detail.dataset.status;
    replace(detail, openForm(problem => {
      problems.set(problem.id, problem);
      countOpen();
      drawList();
      show(problem, t('problems.opened'));
    }));
    detail.querySelector('input')?.focus();
  };

  const element = h('div', { class: 'panel problems-panel' },
    h('div', { class: 'toolbar' }, h('h3', {}, t('problems.title')),
      h('div', { class: 'chips', role: 'group', 'aria-label': t('problems.filter') }, chips),
      h('button', { type: 'button', id: 'problem-new', onclick: openByHand }, t('problems.openByHand')),
      h('button', { type: 'button', id: 'problems-refresh', onclick: reload }, t('supervisor.refresh'))),
    h('div', { class: 'problems' }, list, detail));
  return { element, shown: reload };
}

function problemTable(problems, choose) {
  return h('table', { class: 'problems-table', id: 'problems' },
    h('thead', {}, h('tr', {}, ['problem', 'where', 'complaints', 'opened', 'status']
      .map(column => h('th', { scope: 'col' }, t(`problems.col.${column}`))))),
    h('tbody', {}, problems.map(problem => h('tr', { dataset: { problemId: problem.id, status: problem.status,
      origin: problem.origin, agenda: String(Boolean(problem.agenda)) } },
    h('td', {}, h('button', { type: 'button', class: 'link open-problem', 'aria-pressed': 'false',
      onclick: () => choose(problem.id) }, problem.title), h('div', { class: 'muted' }, problem.id)),
    h('td', {}, term('category', problem.category), h('div', { class: 'muted' }, problem.district)),
    h('td', { class: 'number', dataset: { of: 'complaints' } }, (problem.complaints || []).length),
    h('td', {}, h('time', { datetime: problem.openedAt }, dateTime(problem.openedAt)),
      h('div', { class: 'muted' }, term('problemOrigin', problem.origin))),
    h('td', {}, badge('problemStatus', problem.status), ' ', agendaBadge(problem))))));
}

function problemDetail(problem, changed) {
  const open = problem.status === 'OPEN';
  const complaints = [...(problem.complaints || [])]
    .sort((a, b) => Date.parse(a.registeredAt) - Date.parse(b.registeredAt));
  return [
    h('h3', {}, h('span', { id: 'problem-title' }, problem.title), ' ', badge('problemStatus', problem.status), ' ',
      agendaBadge(problem)),
    h('p', { class: 'muted', id: 'problem-id' }, problem.id),
    facts(problem),
    problem.agenda ? h('p', { class: 'problem-agenda', id: 'problem-agenda' }, t('problems.agendaSince', {
      time: dateTime(problem.agenda.since), actor: problem.agenda.by || t('problems.automatically'),
      reason: problem.agenda.reason || '' })) : null,
    h('h4', { id: 'problem-complaints-heading' }, t('problems.complaints', { count: complaints.length })),
    h('ol', { class: 'timeline problem-complaints', id: 'problem-complaints', tabindex: '0',
      'aria-labelledby': 'problem-complaints-heading' },
    complaints.map(complaint => h('li', { dataset: { complaintId: complaint.complaintId } },
      h('time', { datetime: complaint.registeredAt }, dateTime(complaint.registeredAt)),
      h('span', { class: 'actor complaint-number' }, complaint.number || complaint.complaintId),
      h('span', { class: 'what' }, complaint.linkedBy
        ? t('problems.linkedBy', { time: dateTime(complaint.linkedAt), actor: complaint.linkedBy })
        : t('problems.linkedAutomatically', { time: dateTime(complaint.linkedAt) }))))),
    h('h4', {}, t('problems.actions')),
    h('div', { id: 'problem-actions' }, actionList(problem, problem.actions || [],
      { offer: open ? ['done'] : [], done: updated => changed(updated, 'problems.actionMarkedDone') })),
    open ? actionForm(problem, changed) : null,
    open ? linkForm(problem, changed) : null,
    open && !problem.agenda ? agendaForm(problem, changed) : null,
    open ? closeForm(problem, changed) : null,
  ];
}

function facts(problem) {
  return h('dl', { class: 'facts', id: 'problem-facts' },
    fact('problems.category', term('category', problem.category)),
    fact('problems.district', problem.district),
    fact('problems.rootCause', problem.rootCause && term('rootCause', problem.rootCause)),
    fact('problems.origin', term('problemOrigin', problem.origin)),
    fact('problems.openedAt', [dateTime(problem.openedAt), problem.openedBy ? ` · ${problem.openedBy}` : ''].join('')),
    fact('problems.closedAt', problem.closedAt && [dateTime(problem.closedAt), problem.closedBy ? ` · ${problem.closedBy}`
      : ''].join('')),
    fact('problems.resolution', problem.resolution, 'problem-resolution'),
    problem.status === 'CLOSED' ? fact('problems.customersNotified',
      t(problem.customersNotified ? 'problems.yes' : 'problems.no'), 'problem-customers-notified') : null);
}

/** Complaint ids as typed: one per line, or separated by commas, semicolons or blanks. */
function idsOf(text) {
  return text.split(/[\s,;，；、]+/).map(id => id.trim()).filter(Boolean);
}

/**
 * Shows the service's errors of the ids next to the one input they were typed in: complaintIds[1] is the second id
 * typed, named in the message.
 */
function showIdErrors(form, error, ids) {
  const fieldErrors = {};
  Object.entries(error.fieldErrors || {}).forEach(([name, message]) => {
    const index = /^complaintIds\[(\d+)\]/.exec(name);
    const key = index ? 'complaintIds' : name;
    const text = index ? `${ids[Number(index[1])] ?? name}: ${message}` : message;
    fieldErrors[key] = fieldErrors[key] ? `${fieldErrors[key]}; ${text}` : text;
  });
  if (!Object.keys(fieldErrors).some(name => name.startsWith('complaintIds'))) return;
  showFieldErrors(form, { ...error, fieldErrors }, t);
  form.querySelector('[aria-invalid="true"]')?.focus();
}

function idsInput(id) {
  return h('textarea', { name: 'complaintIds', id, rows: 3, spellcheck: 'false', autocomplete: 'off',
    'aria-required': 'true' });
}

/** Opening a problem by hand: a title, the category, the district and the complaints that belong to it. */
function openForm(opened) {
  const title = h('input', { type: 'text', name: 'title', id: 'problem-open-title', maxlength: 200, autocomplete: 'off',
    'aria-required': 'true' });
  const category = choice('category', 'category', VOCABULARY.category);
  category.id = 'problem-open-category';
  category.setAttribute('aria-required', 'true');
  const district = h('input', { type: 'text', name: 'district', id: 'problem-open-district', maxlength: 100,
    autocomplete: 'off', 'aria-required': 'true' });
  const ids = idsInput('problem-open-ids');
  // novalidate: the service's 400 names each bad field, shown next to its input
  const form = h('form', { class: 'problem-form', id: 'problem-open-form', novalidate: true },
    h('h3', {}, t('problems.openTitle')),
    h('p', { class: 'muted' }, t('problems.openIntro')),
    field('problems.titleField', title),
    h('div', { class: 'field-row' }, field('problems.category', category), field('problems.district', district)),
    field('problems.complaintIds', ids),
    h('button', { type: 'submit', class: 'primary', id: 'problem-open' }, t('problems.open')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const typed = idsOf(ids.value);
    submitTo(form, '/api/v1/problems', { title: title.value.trim(), category: category.value || null,
      district: district.value.trim(), complaintIds: typed }, opened, error => showIdErrors(form, error, typed));
  });
  return form;
}

/** More complaints that belong to the problem, linked by hand. */
function linkForm(problem, changed) {
  const ids = h('input', { type: 'text', name: 'complaintIds', id: 'problem-link-ids', spellcheck: 'false',
    autocomplete: 'off', 'aria-required': 'true' });
  const form = h('form', { class: 'problem-form inline', id: 'problem-link-form', novalidate: true },
    field('problems.linkIds', ids),
    h('button', { type: 'submit', id: 'problem-link' }, t('problems.link')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const typed = idsOf(ids.value);
    submitTo(form, `/api/v1/problems/${encodeURIComponent(problem.id)}/complaints`, { complaintIds: typed },
      updated => changed(updated, 'problems.linked'), error => showIdErrors(form, error, typed));
  });
  return form;
}

/** A corrective action: what is to be done, the branch (or person) that owns it and when it is due. */
function actionForm(problem, changed) {
  const what = h('input', { type: 'text', name: 'what', id: 'action-what', maxlength: 500, autocomplete: 'off',
    'aria-required': 'true' });
  const owner = h('input', { type: 'text', name: 'owner', id: 'action-owner', maxlength: 100, autocomplete: 'off',
    list: 'action-owners', 'aria-required': 'true' });
  const owners = h('datalist', { id: 'action-owners' });
  const dueAt = h('input', { type: 'datetime-local', name: 'dueAt', id: 'action-due', 'aria-required': 'true' });
  const form = h('form', { class: 'problem-form', id: 'problem-action-form', novalidate: true },
    h('h4', {}, t('problems.addAction')),
    field('problems.actionWhat', what),
    h('div', { class: 'field-row' }, field('problems.actionOwnerField', owner), field('problems.actionDueField', dueAt)),
    owners,
    h('button', { type: 'submit', class: 'primary', id: 'problem-add-action' }, t('problems.addActionButton')));
  // the branches as choices for the owner; typing another owner is allowed
  api.get('/api/v1/branches').then(branches => replace(owners, (Array.isArray(branches) ? branches : branches.items || [])
    .map(branch => h('option', { value: branch.code }, branch.name)))).catch(() => {});
  form.addEventListener('submit', event => {
    event.preventDefault();
    submitTo(form, `/api/v1/problems/${encodeURIComponent(problem.id)}/actions`, { what: what.value.trim(),
      owner: owner.value.trim(), dueAt: instantOfLocal(dueAt.value) || null },
    updated => changed(updated, 'problems.actionAdded'));
  });
  return form;
}

/** Puts the problem on the office meeting's agenda (办公会), with the reason. */
function agendaForm(problem, changed) {
  const reason = h('input', { type: 'text', name: 'reason', id: 'problem-agenda-reason', maxlength: 500,
    autocomplete: 'off', 'aria-required': 'true' });
  const form = h('form', { class: 'problem-form', id: 'problem-agenda-form', novalidate: true },
    h('h4', {}, t('problems.putOnAgenda')),
    field('problems.agendaReason', reason),
    h('button', { type: 'submit', id: 'problem-put-on-agenda' }, t('problems.putOnAgendaButton')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    submitTo(form, `/api/v1/problems/${encodeURIComponent(problem.id)}/agenda`, { reason: reason.value.trim() },
      updated => changed(updated, 'problems.onAgendaNow'));
  });
  return form;
}

/**
 * Closes the problem with its resolution, telling every linked complaint's customer by SMS if asked; while an action
 * is not done the service answers 409, and its words are said on the form.
 */
function closeForm(problem, changed) {
  const resolution = h('textarea', { name: 'resolution', id: 'problem-resolution-input', maxlength: 2000,
    'aria-required': 'true' });
  const notify = h('input', { type: 'checkbox', name: 'notifyCustomers', id: 'problem-notify' });
  const form = h('form', { class: 'problem-form', id: 'problem-close-form', novalidate: true },
    h('h4', {}, t('problems.close')),
    field('problems.resolution', resolution),
    h('div', { class: 'field check' }, h('label', { for: 'problem-notify' }, notify, ' ', t('problems.notify'))),
    h('button', { type: 'submit', class: 'primary', id: 'problem-close' }, t('problems.closeButton')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    submitTo(form, `/api/v1/problems/${encodeURIComponent(problem.id)}/close`,
      { resolution: resolution.value.trim(), notifyCustomers: notify.checked },
      updated => changed(updated, 'problems.closed'));
  });
  return form;
}
