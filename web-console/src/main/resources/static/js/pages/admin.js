// The administrator's page: the business calendars (admin/calendars.js: the years held and an upload form), and each
// service's dead letters (records one of its consumer groups could not read), open ones first, each with where it came
// from, when, why, and a replay button and a discard form (a reason is required; the service says so next to the
// field). Read through the console's route /api/v1/services/<service>/dead-letters.
import './admin-messages.js';
import { api, query } from '../api.js';
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { dateTime } from '../format.js';
import { badge, empty, field, region, submitTo } from '../ui.js';
import { calendarsPart } from './admin/calendars.js';

const SERVICES = ['complaint-intake', 'ticket-router', 'escalation-service', 'notification-service'];

const path = (service, rest = '') => `/api/v1/services/${service}/dead-letters${rest}`;

function servicePart(service) {
  const list = h('div', { class: 'dead-letters', id: `dead-letters-${service}`, 'aria-live': 'polite' });
  const stateSelect = h('select', { id: `dead-letters-state-${service}` },
    ['OPEN', 'REPLAYED', 'DISCARDED', ''].map(state => h('option', { value: state },
      state ? t(`deadLetterState.${state}`) : t('deadLetters.allStates'))));
  const reload = region(list, () => api.get(path(service, query({ state: stateSelect.value }))),
    letters => letters.map(letter => letterCard(service, letter)), letters => letters.length === 0);
  stateSelect.addEventListener('change', reload);
  const outcome = h('p', { class: 'muted', role: 'status', id: `dead-letters-replayed-${service}` });
  const replayAll = h('button', { type: 'button', id: `dead-letters-replay-all-${service}`, onclick: async () => {
    replayAll.disabled = true;
    try {
      const answer = await api.post(path(service, '/_replay'), {});
      replace(outcome, t('deadLetters.replayedAll', { count: answer.replayed }));
      await reload();
    } finally {
      replayAll.disabled = false;
    }
  } }, t('deadLetters.replayAll'));
  return h('section', { class: 'panel', dataset: { service } },
    h('div', { class: 'toolbar' }, h('h3', {}, service),
      field('deadLetters.state', stateSelect),
      h('button', { type: 'button', id: `dead-letters-refresh-${service}`, onclick: reload }, t('deadLetters.refresh')),
      replayAll),
    outcome, list);
}

function letterCard(service, letter) {
  const outcome = h('p', { class: 'dead-letter-outcome', role: 'status' });
  const card = h('article', { class: 'dead-letter', dataset: { id: letter.id, key: letter.key || '',
    state: letter.state } },
  h('header', {}, h('strong', {}, letter.topic), ' ', badge('deadLetterState', letter.state), ' ',
    h('span', { class: 'muted' }, t('deadLetters.where', { group: letter.group, partition: letter.partition,
      offset: letter.offset, at: dateTime(letter.failedAt) }))),
  h('p', { class: 'dead-letter-reason' }, letter.reason || ''),
  h('p', { class: 'muted' }, t('deadLetters.what', { key: letter.key || '—', type: letter.eventType || '—' })),
  letter.decision ? decisionText(letter) : null,
  letter.state === 'OPEN' ? h('div', { class: 'dead-letter-forms' }, replayForm(service, letter, done),
    discardForm(service, letter, done)) : null,
  outcome);

  // The decision replaces the forms with what was decided, so that the administrator sees it took.
  function done(result) {
    card.dataset.state = result.state;
    card.querySelector('.badge').replaceWith(badge('deadLetterState', result.state));
    card.querySelector('.dead-letter-forms')?.remove();
    replace(outcome, decisionText(result));
    outcome.tabIndex = -1;
    outcome.focus();
  }
  return card;
}

function decisionText(letter) {
  const decision = letter.decision;
  return h('p', { class: 'dead-letter-decision' }, letter.state === 'REPLAYED'
    ? t('deadLetters.replayed', { actor: decision.actor, at: dateTime(decision.at) })
    : t('deadLetters.discarded', { actor: decision.actor, at: dateTime(decision.at), reason: decision.reason }));
}

function replayForm(service, letter, done) {
  const form = h('form', { class: 'replay', novalidate: true },
    h('button', { type: 'submit', class: 'primary' }, t('deadLetters.replay')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    submitTo(form, path(service, `/${encodeURIComponent(letter.id)}/replay`), {}, done);
  });
  return form;
}

function discardForm(service, letter, done) {
  // not "required" in the browser: the service's 400 names the field and is shown next to it
  const reason = h('input', { type: 'text', name: 'reason', maxlength: 500, 'aria-required': 'true',
    id: `discard-reason-${letter.id}` });
  const form = h('form', { class: 'discard', novalidate: true }, field('deadLetters.discardReason', reason),
    h('button', { type: 'submit' }, t('deadLetters.discard')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    submitTo(form, path(service, `/${encodeURIComponent(letter.id)}/discard`), { reason: reason.value.trim() },
      done);
  });
  return form;
}

export default {
  mount(container) {
    // the calendars first: the frame's warning sends administrators here when next year's is missing
    container.append(h('div', { class: 'admin' }, h('h2', {}, t('calendars.title')), calendarsPart(),
      h('h2', {}, t('deadLetters.title')),
      h('p', { class: 'muted' }, t('deadLetters.explained')), SERVICES.map(servicePart)));
  },
};
