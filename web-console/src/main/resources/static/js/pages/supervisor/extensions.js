// Pending extension requests (延期), each with an approve form (to the deadline asked for, or another) and a refuse
// form (a reason is required; the service says so next to the field). There is no stream of requests: the list is read
// again whenever the tab is shown and on Refresh.
import { api } from '../../api.js';
import { h, replace } from '../../dom.js';
import { t } from '../../i18n.js';
import { dateTime, instantOfLocal, localOfInstant } from '../../format.js';
import { badge, empty, field, region, submitTo } from '../../ui.js';

export function extensionsPart(setCount) {
  const list = h('div', { id: 'extensions', 'aria-live': 'polite' });
  let pending = 0;

  const decided = () => setCount(--pending);
  const reload = region(list, async () => {
    const extensions = await api.get('/api/v1/extensions?status=PENDING');
    pending = extensions.length;
    setCount(pending);
    return extensions;
  }, extensions => (extensions.length ? extensions.map(extension => extensionCard(extension, decided))
    : empty('extensions.empty')), () => false);

  const element = h('div', { class: 'panel' },
    h('div', { class: 'toolbar' }, h('h3', {}, t('extensions.title')),
      h('button', { type: 'button', id: 'extensions-refresh', onclick: reload }, t('supervisor.refresh'))),
    list);
  return { element, shown: reload };
}

function extensionCard(extension, decided) {
  const outcome = h('p', { class: 'extension-outcome', role: 'status' });
  const card = h('article', { class: 'extension', dataset: { extensionId: extension.extensionId,
    complaintId: extension.complaintId, ticketId: extension.ticketId, status: extension.status } },
  h('header', {}, h('strong', {}, extension.branch), ' ', badge('extensionStatus', extension.status),
    h('span', { class: 'muted' }, ' ', t('extensions.requested', { actor: extension.requestedBy,
      at: dateTime(extension.requestedAt) }))),
  h('p', { class: 'extension-reason' }, extension.reason),
  h('p', { class: 'muted' }, t('extensions.deadlines', { current: dateTime(extension.resolveDeadline),
    requested: dateTime(extension.requestedDeadline) })),
  h('div', { class: 'extension-forms' }, approveForm(extension, done), refuseForm(extension, done)),
  outcome);

  // The decision replaces the forms with what was decided, so that the supervisor sees it took.
  function done(result) {
    card.dataset.status = result.status;
    card.querySelector('.badge').replaceWith(badge('extensionStatus', result.status));
    card.querySelector('.extension-forms').remove();
    replace(outcome, result.status === 'APPROVED'
      ? t('extensions.approved', { actor: result.decidedBy, deadline: dateTime(result.approvedDeadline) })
      : t('extensions.refused', { actor: result.decidedBy, reason: result.refusalReason }));
    outcome.tabIndex = -1;
    outcome.focus();
    decided();
  }
  return card;
}

function approveForm(extension, done) {
  const asked = localOfInstant(extension.requestedDeadline);
  const deadline = h('input', { type: 'datetime-local', name: 'deadline', value: asked,
    id: `approve-deadline-${extension.extensionId}` });
  const form = h('form', { class: 'approve', novalidate: true }, field('extensions.approveDeadline', deadline),
    h('button', { type: 'submit', class: 'primary' }, t('extensions.approve')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    // The deadline asked for is sent as nothing ("as requested"), so that its seconds are not cut off by the input.
    const body = deadline.value && deadline.value !== asked ? { deadline: instantOfLocal(deadline.value) } : {};
    submitTo(form, `/api/v1/extensions/${encodeURIComponent(extension.extensionId)}/approve`, body, done);
  });
  return form;
}

function refuseForm(extension, done) {
  // not "required" in the browser: the service's 400 names the field and is shown next to it
  const reason = h('input', { type: 'text', name: 'reason', maxlength: 500, 'aria-required': 'true',
    id: `refuse-reason-${extension.extensionId}` });
  const form = h('form', { class: 'refuse', novalidate: true }, field('extensions.refuseReason', reason),
    h('button', { type: 'submit' }, t('extensions.refuse')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    submitTo(form, `/api/v1/extensions/${encodeURIComponent(extension.extensionId)}/refuse`,
      { reason: reason.value.trim() }, done);
  });
  return form;
}
