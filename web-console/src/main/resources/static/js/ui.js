// Small pieces every page is made of: the loading, empty and error states, labelled fields, choices from the
// vocabulary, and a complaint's timeline.
import { h, replace, describe } from './dom.js';
import { t, term } from './i18n.js';
import { dateTime } from './format.js';

export function loading() {
  return h('p', { class: 'state loading', role: 'status' }, t('state.loading'));
}

export function empty(key = 'state.empty') {
  return h('p', { class: 'state empty' }, t(key));
}

/** An error said plainly, with a button that tries again. */
export function failure(error, retry) {
  return h('div', { class: 'state error', role: 'alert' },
    h('p', {}, describe(error, t)),
    retry ? h('button', { type: 'button', onclick: retry }, t('action.retry')) : null);
}

/**
 * Fills a region from an asynchronous load: shows loading, then what render(data) returns, the empty state when
 * isEmpty(data), or the error with a retry. Returns the reload function.
 */
export function region(element, load, render, isEmpty = data => Array.isArray(data) && data.length === 0) {
  const reload = async () => {
    if (!element.childElementCount) replace(element, loading());
    try {
      const data = await load();
      replace(element, isEmpty(data) ? empty() : render(data));
    } catch (error) {
      replace(element, failure(error, reload));
    }
  };
  reload();
  return reload;
}

let fieldCount = 0;

/** A labelled field: the label names the input, field errors appear inside it. */
export function field(labelKey, input) {
  input.id ||= `field-${++fieldCount}`;
  return h('div', { class: 'field' }, h('label', { for: input.id }, t(labelKey)), input);
}

/** A select of one vocabulary ("category" → category.BILLING …), with an empty first choice unless required. */
export function choice(name, vocabulary, values, { required = false, value = '' } = {}) {
  return h('select', { name, required },
    required ? h('option', { value: '', disabled: true, selected: !value }, '—') : h('option', { value: '' }, '—'),
    values.map(v => h('option', { value: v, selected: v === value }, term(vocabulary, v))));
}

/** A complaint's or ticket's history, oldest first: when, who, what. */
export function timeline(entries) {
  return h('ol', { class: 'timeline' }, entries.map(entry => h('li', {},
    h('time', { datetime: entry.at }, dateTime(entry.at)),
    h('span', { class: 'actor' }, entry.actor || entry.source || ''),
    h('span', { class: 'what' }, entry.summary || entry.detail || entry.action || entry.type))));
}

/** A status as a coloured badge, e.g. badge('ticketStatus', 'ASSIGNED'). */
export function badge(vocabulary, value) {
  return h('span', { class: `badge ${vocabulary}-${String(value).toLowerCase()}` }, term(vocabulary, value));
}
