// Small pieces every page is made of: the loading, empty and error states, labelled fields, choices from the
// vocabulary, and a complaint's timeline.
import { api } from './api.js';
import { clearFieldErrors, h, replace, describe, showFieldErrors } from './dom.js';
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

/**
 * A tab list after the WAI-ARIA tabs pattern: a click or the arrow keys choose a tab, Tab goes on into its panel.
 * label(name) gives each tab's content; onShow(name) runs whenever a tab is chosen. Returns {list, tabs, panels,
 * show}: tabs[name] is the tab (id tab-<name>), panels[name] the section to fill (id panel-<name>), show(name, focus)
 * chooses one.
 */
export function tabs(names, { label, ariaLabel, onShow = () => {} }) {
  const buttons = {};
  const panels = {};
  const show = (name, focus = false) => {
    names.forEach(other => {
      const selected = other === name;
      buttons[other].setAttribute('aria-selected', String(selected));
      buttons[other].tabIndex = selected ? 0 : -1;
      panels[other].hidden = !selected;
    });
    onShow(name);
    if (focus) buttons[name].focus();
  };
  names.forEach((name, index) => {
    const step = event => ({ ArrowRight: 1, ArrowLeft: -1 }[event.key]);
    buttons[name] = h('button', { type: 'button', role: 'tab', id: `tab-${name}`, 'aria-controls': `panel-${name}`,
      onclick: () => show(name),
      onkeydown: event => step(event) && show(names[(index + step(event) + names.length) % names.length], true) },
    label(name));
    panels[name] = h('section', { role: 'tabpanel', id: `panel-${name}`, 'aria-labelledby': `tab-${name}`, hidden: true });
  });
  const list = h('div', { class: 'tabs', role: 'tablist', 'aria-label': ariaLabel }, names.map(name => buttons[name]));
  return { list, tabs: buttons, panels, show };
}

/** A term and its value in a list of facts (dl.facts); left out when there is no value. */
export function fact(labelKey, value, id = null) {
  if (value === null || value === undefined || value === '') return null;
  return h('div', { class: 'fact' }, h('dt', {}, t(labelKey)), h('dd', { id }, value));
}

/**
 * Posts what a form says to the API: its buttons are disabled meanwhile (one click, one change); the answer goes to
 * onSaved, and a refusal's field errors appear next to their fields, the first bad field takes the focus and
 * onRefused(error) may add to it.
 */
export async function submitTo(form, path, body, onSaved, onRefused = () => {}) {
  const buttons = [...form.querySelectorAll('button')];
  buttons.forEach(button => { button.disabled = true; });
  clearFieldErrors(form);
  try {
    const answer = await api.post(path, body);
    buttons.forEach(button => { button.disabled = false; });
    onSaved(answer);
  } catch (error) {
    buttons.forEach(button => { button.disabled = false; });
    showFieldErrors(form, error, t);
    form.querySelector('[aria-invalid="true"]')?.focus();
    await onRefused(error);
  }
}
