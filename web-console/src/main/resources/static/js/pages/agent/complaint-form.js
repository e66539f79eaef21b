// The complaint form, in the order a hotline call goes: how they reached us, their phone (which brings up their
// history beside the form), their name, what it is about, where, what happened, and what we promised. After the
// registration the number and the promised reply time are shown large enough to read out.
import { api } from '../../api.js';
import { clearFieldErrors, formJson, h, replace, showFieldErrors } from '../../dom.js';
import { t, term } from '../../i18n.js';
import { dateTime, instantOfLocal } from '../../format.js';
import { VOCABULARY } from '../../messages.js';
import { badge, choice, field } from '../../ui.js';
import { customerHistory } from './customer-history.js';

const FIRST_PROMISE_ROWS = 2;
const MAX_PROMISES = 10;
// the kinds of promise that need an amount (closedloop.contracts.PromiseKind.needsAmount)
const AMOUNT_KINDS = ['REFUND', 'DOUBLE_REFUND'];

/** The form with its result and the customer's history beside it; returns {element, stop}. */
export function complaintForm(timeline) {
  const history = customerHistory(timeline.link);
  const result = h('div', { id: 'registration-result', 'aria-live': 'polite' });
  const districts = h('datalist', { id: 'district-list' });
  const districtNote = h('small', { class: 'muted', id: 'district-note' });
  const promises = h('div', { class: 'promises', id: 'promise-rows' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'register' }, t('agent.form.submit'));

  const form = h('form', { id: 'complaint-form', class: 'panel', novalidate: true, 'aria-labelledby': 'complaint-form-title' },
    h('h3', { id: 'complaint-form-title' }, t('agent.form.title')),
    h('div', { class: 'field-row' },
      field('agent.form.channel', withId(choice('channel', 'channel', VOCABULARY.channel, { required: true, value: 'HOTLINE' }), 'channel')),
      field('agent.form.category', withId(choice('category', 'category', VOCABULARY.category, { required: true }), 'category')),
      field('agent.form.priority', withId(choice('priority', 'priority', VOCABULARY.priority), 'priority'))),
    h('div', { class: 'field-row' },
      field('agent.form.phone', h('input', { name: 'customer.phone', id: 'customer-phone', type: 'tel', required: true,
        autocomplete: 'off', inputmode: 'tel', maxlength: 13, oninput: event => history.show(event.target.value) })),
      field('agent.form.name', h('input', { name: 'customer.name', id: 'customer-name', required: true, autocomplete: 'off', maxlength: 100 })),
      field('agent.form.accountNo', h('input', { name: 'customer.accountNo', id: 'customer-account', autocomplete: 'off', maxlength: 32 }))),
    h('div', { class: 'field-row' },
      h('div', { class: 'field' },
        h('label', { for: 'district' }, t('agent.form.district')),
        h('input', { name: 'district', id: 'district', list: 'district-list', required: true, autocomplete: 'off', maxlength: 50 }),
        districts, districtNote),
      field('agent.form.address', h('input', { name: 'location.address', id: 'address', autocomplete: 'off', maxlength: 200 })),
      h('div', { class: 'field vip' }, h('label', { for: 'customer-vip' },
        h('input', { type: 'checkbox', id: 'customer-vip', name: 'customer.vip', value: 'true' }), ' ', t('agent.form.vip')))),
    field('agent.form.description', h('textarea', { name: 'description', id: 'description', required: true, maxlength: 2000, rows: 3 })),
    h('fieldset', { class: 'promises-set' },
      h('legend', {}, t('agent.form.promises')),
      promises,
      h('button', { type: 'button', id: 'add-promise', onclick: () => addPromiseRow(promises, true) }, t('agent.form.addPromise'))),
    h('div', { class: 'toolbar form-actions' }, submit));

  for (let i = 0; i < FIRST_PROMISE_ROWS; i++) addPromiseRow(promises, false);
  form.elements.category.addEventListener('change', event => history.category(event.target.value));
  form.addEventListener('submit', event => {
    event.preventDefault();
    register(form, submit, result, history, timeline);
  });
  loadDistricts(districts, districtNote);
  history.reset();

  const element = h('div', { class: 'columns agent-intake' },
    h('div', {}, result, form),
    h('div', {}, history.element));
  return { element, stop: history.stop, focus: () => form.elements['customer.phone'].focus() };
}

function withId(element, id) {
  element.id = id;
  return element;
}

/**
 * One promise row: its kind (default OTHER), the amount for a refund (shown and required only for REFUND and
 * DOUBLE_REFUND), its text and an optional due time on the agent's wall clock.
 */
function addPromiseRow(container, focus) {
  const index = container.childElementCount;
  if (index >= MAX_PROMISES) return;
  const text = h('input', { name: `promises[${index}].text`, id: `promise-${index}-text`, maxlength: 500, autocomplete: 'off' });
  const kind = choice(`promises[${index}].kind`, 'promiseKind', VOCABULARY.promiseKind, { required: true, value: 'OTHER' });
  kind.id = `promise-${index}-kind`;
  const amount = h('input', { type: 'number', name: `promises[${index}].amount`, id: `promise-${index}-amount`,
    min: '0.01', step: '0.01', inputmode: 'decimal', autocomplete: 'off' });
  const amountField = field('agent.form.promiseAmount', amount);
  const showAmount = () => {
    const needed = AMOUNT_KINDS.includes(kind.value);
    amountField.hidden = !needed;
    amountField.style.display = needed ? '' : 'none'; // .field's own display would outdo [hidden]
    amount.required = needed;
    if (!needed) amount.value = '';
  };
  kind.addEventListener('change', showAmount);
  const row = h('div', { class: 'field-row promise-row' },
    field('agent.form.promiseKind', kind),
    amountField,
    h('div', { class: 'field' }, h('label', { for: text.id }, t('agent.form.promiseText', { n: index + 1 })), text),
    field('agent.form.promiseDue', h('input', { type: 'datetime-local', name: `promises[${index}].dueAt`, id: `promise-${index}-due` })));
  showAmount();
  container.append(row);
  if (focus) text.focus();
}

/** The districts every active branch serves, offered as suggestions; typing stays possible if the list fails. */
async function loadDistricts(datalist, note) {
  try {
    const branches = await api.get('/api/v1/branches');
    const list = Array.isArray(branches) ? branches : branches.items || [];
    const names = [...new Set(list.filter(branch => branch.active)
      .flatMap(branch => branch.districts || []).filter(name => name && name !== '*'))].sort();
    replace(datalist, names.map(name => h('option', { value: name })));
  } catch (error) {
    note.textContent = t('agent.form.districtsUnavailable');
  }
}

/**
 * The body complaint-intake takes. formJson nests only dotted names, so the promise rows are gathered here; rows
 * left empty are skipped, and positions[i] remembers which row the i-th promise came from, so that an error on
 * promises[i] is shown next to the row the agent typed it in.
 */
function bodyOf(form) {
  const json = formJson(form);
  const promises = [];
  const positions = [];
  Object.keys(json).filter(name => name.startsWith('promises[')).forEach(name => delete json[name]);
  form.querySelectorAll('.promise-row').forEach((row, index) => {
    const text = form.elements[`promises[${index}].text`].value.trim();
    const dueAt = instantOfLocal(form.elements[`promises[${index}].dueAt`].value);
    const kind = form.elements[`promises[${index}].kind`].value || 'OTHER';
    const amount = form.elements[`promises[${index}].amount`].value.trim();
    if (!text && !dueAt && !amount && kind === 'OTHER') return;
    const promise = { kind, text };
    // the amount as typed (a JSON number), so that the API judges it, not the browser
    if (AMOUNT_KINDS.includes(kind) && amount) promise.amount = Number(amount);
    if (dueAt) promise.dueAt = dueAt;
    promises.push(promise);
    positions.push(index);
  });
  if (promises.length) json.promises = promises;
  // always a customer object, so that a missing name or phone is reported on its own field
  json.customer = { ...(json.customer || {}), vip: form.elements['customer.vip'].checked };
  return { body: json, positions };
}

/**
 * The API's field errors as this form shows them: promises point to the rows they came from; location.district
 * (the API's other place for the district) counts only when the one district input has no error of its own; the
 * API's usual messages in the console's language, any other as the API said it.
 */
function onRows(error, positions) {
  const fieldErrors = {};
  const entries = Object.entries(error.fieldErrors || {});
  entries.filter(([name]) => name !== 'location.district').forEach(([name, message]) => {
    const renamed = name.replace(/^promises\[(\d+)\]/, (whole, i) => `promises[${positions[Number(i)] ?? i}]`);
    fieldErrors[renamed] = term('agent.api', message);
  });
  entries.filter(([name]) => name === 'location.district').forEach(([, message]) => {
    fieldErrors.district ??= term('agent.api', message);
  });
  return Object.assign(Object.create(Object.getPrototypeOf(error)), error, { fieldErrors });
}

async function register(form, submit, result, history, timeline) {
  clearFieldErrors(form);
  const { body, positions } = bodyOf(form);
  submit.disabled = true; // one click, one complaint
  submit.textContent = t('agent.form.submitting');
  try {
    const registered = await api.post('/api/v1/complaints', body);
    const phone = body.customer?.phone;
    replace(result, registration(registered, timeline, () => startOver(form, result, history)));
    resetForm(form);
    history.category('');
    history.refresh(phone);
    result.querySelector('#registered-number')?.focus();
  } catch (error) {
    showFieldErrors(form, onRows(error, positions), t);
    form.querySelector('[aria-invalid="true"]')?.focus();
    if (!form.querySelector('[aria-invalid="true"]')) form.querySelector('.form-error')?.scrollIntoView({ block: 'nearest' });
  } finally {
    submit.disabled = false;
    submit.textContent = t('agent.form.submit');
  }
}

/** Clears what belonged to the last caller, keeping the channel (the agent's own line). */
function resetForm(form) {
  const channel = form.elements.channel.value;
  form.reset();
  form.elements.channel.value = channel;
  // each promise row's amount shows again only for the kinds that need one
  form.querySelectorAll('.promise-row select').forEach(select => select.dispatchEvent(new Event('change')));
}

function startOver(form, result, history) {
  replace(result);
  history.reset();
  form.elements['customer.phone'].focus();
}

function registration(registered, timeline, next) {
  const number = timeline.link(registered.id, registered.number);
  number.id = 'registered-number';
  number.classList.add('big-number');
  return h('section', { class: 'panel registered', role: 'status', 'aria-labelledby': 'registered-title' },
    h('h3', { id: 'registered-title' }, t('agent.result.title')),
    h('div', { class: 'readout' },
      h('div', {}, h('div', { class: 'readout-label' }, t('agent.result.number')), number),
      h('div', {}, h('div', { class: 'readout-label' }, t('agent.result.replyBy')),
        h('time', { id: 'registered-reply-by', class: 'big-number', datetime: registered.promisedReplyBy },
          dateTime(registered.promisedReplyBy)))),
    h('p', {}, t('agent.result.priority'), ': ', badge('priority', registered.priority),
      registered.priorityReason ? h('small', { class: 'muted' }, ` ${registered.priorityReason}`) : null),
    registered.repeat ? h('p', { class: 'repeat-risk', id: 'registered-repeat' }, t('agent.result.repeat')) : null,
    h('div', { class: 'toolbar' },
      h('button', { type: 'button', id: 'next-complaint', onclick: next }, t('agent.result.next'))));
}
