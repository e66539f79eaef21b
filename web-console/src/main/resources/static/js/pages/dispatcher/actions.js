// The branch's actions on a ticket: only those the ticket allows now (its allowedActions), each a button
// (data-action="<label>"); the ones that need words open a small form whose inputs are named like the API's fields,
// so that a 400 problem shows each message next to its input. The server judges the input (the forms do not
// validate in the browser), so what it says is what the dispatcher sees.
import { api } from '../../api.js';
import { h, replace, formJson, showFieldErrors, clearFieldErrors, describe } from '../../dom.js';
import { t } from '../../i18n.js';
import { VOCABULARY } from '../../messages.js';
import { instantOfLocal, localOfInstant } from '../../format.js';
import { choice, field } from '../../ui.js';

/** The actions of the branch workflow in the order they are offered; dispatch and transfer belong to the dispatch desk. */
const OFFERED = ['accept', 'handler', 'first-contact', 'notes', 'wait', 'resume', 'extension', 'resolve', 'return'];
/** The actions that need no words: carried out at once. */
const AT_ONCE = ['accept', 'resume'];
/** Fields holding a wall-clock time that the API takes as an ISO instant. */
const INSTANTS = ['contactedAt', 'requestedDeadline'];

/**
 * The actions bar and the place its form opens in. onDone(ticket, message) gets the ticket as the action left it;
 * onStale(ticket, problem) the ticket as it is now when someone else changed it first (409: the action is no longer
 * allowed), so that the page offers what is allowed now.
 */
export function actionsPanel(ticket, onDone, onStale) {
  const actions = OFFERED.filter(action => (ticket.allowedActions || []).includes(action));
  const formPlace = h('div', { class: 'action-form-place' });
  const message = h('div', { class: 'action-message', id: 'action-message', role: 'status' });
  if (!actions.length) {
    return h('section', { class: 'actions', id: 'ticket-actions' }, h('p', { class: 'state empty' }, t('dispatcher.noActions')));
  }
  const carryOut = async (action, body, form) => {
    replace(message);
    try {
      const changed = await api.post(`/api/v1/tickets/${encodeURIComponent(ticket.id)}/${action}`, body);
      onDone(changed, t('dispatcher.done', { action: t(`dispatcher.action.${action}`) }));
    } catch (error) {
      if (error.status === 409 && await showedFresh(ticket, error, onStale)) return;
      if (form) showFieldErrors(form, error, t);
      else replace(message, h('p', { class: 'form-error', role: 'alert' }, describe(error, t)));
    }
  };
  const open = action => {
    if (AT_ONCE.includes(action)) {
      replace(formPlace);
      carryOut(action, undefined, null);
      return;
    }
    const form = actionForm(action, ticket, body => carryOut(action, body, form), () => replace(formPlace));
    replace(formPlace, form);
    form.querySelector('input, select, textarea')?.focus();
  };
  return h('section', { class: 'actions', id: 'ticket-actions' },
    h('h4', {}, t('dispatcher.actions')),
    h('div', { class: 'toolbar action-buttons' }, actions.map(action => h('button', {
      type: 'button', class: action === 'accept' || action === 'resolve' ? 'primary' : null, dataset: { action },
      onclick: () => open(action) }, t(`dispatcher.action.${action}`)))),
    message, formPlace);
}

async function showedFresh(ticket, error, onStale) {
  try {
    onStale(await api.get(`/api/v1/tickets/${encodeURIComponent(ticket.id)}`), describe(error, t));
    return true;
  } catch (unreadable) {
    return false;
  }
}

/** The form of one action; submit(body) gets the fields as the API takes them. */
function actionForm(action, ticket, submit, cancel) {
  const form = h('form', { class: 'panel action-form', id: 'action-form', dataset: { action }, novalidate: true,
    onsubmit: event => {
      event.preventDefault();
      clearFieldErrors(form);
      submit(bodyOf(form));
    } },
  h('h4', {}, t(`dispatcher.action.${action}`)),
  fieldsOf(action, ticket),
  h('div', { class: 'toolbar' },
    h('button', { type: 'submit', class: 'primary', dataset: { submit: action } }, t(`dispatcher.action.${action}`)),
    h('button', { type: 'button', onclick: cancel }, t('action.cancel'))));
  return form;
}

function bodyOf(form) {
  const body = formJson(form);
  INSTANTS.filter(name => body[name]).forEach(name => { body[name] = instantOfLocal(body[name]); });
  return body;
}

function fieldsOf(action, ticket) {
  const now = localOfInstant(new Date().toISOString());
  // a day more is the usual request; the dispatcher changes it when more is needed
  const tomorrow = localOfInstant(new Date(Date.now() + 86400000).toISOString());
  switch (action) {
    case 'return':
      return [
        labelled('reason', choice('reason', 'returnReason', VOCABULARY.returnReason, { required: true })),
        labelled('text', h('textarea', { name: 'text', maxlength: 500 }))];
    case 'handler':
      return labelled('handler', h('input', { name: 'handler', value: ticket.handler || '', maxlength: 100, required: true,
        autocomplete: 'off' }));
    case 'notes':
      return labelled('note', h('textarea', { name: 'note', maxlength: 2000, required: true }));
    case 'first-contact':
      return [
        h('div', { class: 'field-row' },
          labelled('contactedAt', h('input', { type: 'datetime-local', name: 'contactedAt', value: now, max: now, required: true })),
          labelled('method', choice('method', 'contactMethod', VOCABULARY.contactMethod, { required: true, value: 'PHONE' }))),
        labelled('result', h('textarea', { name: 'result', maxlength: 500, required: true }))];
    case 'wait':
      return labelled('reason', h('textarea', { name: 'reason', maxlength: 500, required: true }));
    case 'extension':
      return [
        labelled('reason', h('textarea', { name: 'reason', maxlength: 500, required: true })),
        labelled('requestedDeadline', h('input', { type: 'datetime-local', name: 'requestedDeadline', value: tomorrow, min: now,
          required: true }))];
    case 'resolve':
      return [
        labelled('resolution', h('textarea', { name: 'resolution', maxlength: 2000, required: true })),
        h('div', { class: 'field-row' },
          labelled('rootCause', choice('rootCause', 'rootCause', VOCABULARY.rootCause, { required: true })),
          labelled('responsibleParty', h('input', { name: 'responsibleParty', maxlength: 200, required: true })))];
    default:
      return null;
  }
}

/** A labelled input with a stable id (action-<field>) for tests and for the label. */
function labelled(name, input) {
  input.id = `action-${name}`;
  return field(`dispatcher.field.${name}`, input);
}
