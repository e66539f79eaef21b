// The customer's earlier complaints beside the form, looked up as the phone number is typed. A complaint of the
// same category within 30 days makes the new one a repeat (docs/architecture.md §2: its priority goes up one step), so those rows
// are highlighted and the agent is told before they submit.
import { api } from '../../api.js';
import { h, replace } from '../../dom.js';
import { t, term } from '../../i18n.js';
import { dateTime } from '../../format.js';
import { badge, empty, failure, loading } from '../../ui.js';

/** The patterns complaint-intake accepts: a mainland mobile, or a landline with its area code. */
export const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const REPEAT_WINDOW_MS = 30 * 24 * 3600 * 1000;
const DEBOUNCE_MS = 300;

/**
 * The history panel. show(phone) looks the phone up (debounced, only once it looks complete); category(value)
 * re-judges the repeat risk without asking again. link(id, number) draws a complaint number that opens its timeline.
 */
export function customerHistory(link) {
  const body = h('div', { id: 'customer-history-body', 'aria-live': 'polite' });
  const element = h('section', { class: 'panel', id: 'customer-history', 'aria-labelledby': 'customer-history-title' },
    h('h3', { id: 'customer-history-title' }, t('agent.history.title')), body);
  let timer = null;
  let asked = 0; // answers to an older phone number are dropped: only the latest question counts
  let shown = null; // {phone, page} last drawn
  let selectedCategory = '';

  function hint() {
    shown = null;
    replace(body, empty('agent.history.hint'));
  }

  async function lookUp(phone) {
    const question = ++asked;
    replace(body, loading());
    try {
      // the phone goes in the body, never in a URL (docs/architecture.md §9.10)
      const page = await api.post('/api/v1/complaints/_search', { phone, page: 0, size: 10 });
      if (question !== asked) return;
      shown = { phone, page };
      draw();
    } catch (error) {
      if (question !== asked) return;
      replace(body, failure(error, () => lookUp(phone)));
    }
  }

  function draw() {
    if (!shown) return;
    const { phone, page } = shown;
    const items = page.items || [];
    if (!items.length) {
      replace(body, empty('agent.history.none'));
      return;
    }
    const risky = items.filter(item => isRepeatRisk(item, selectedCategory));
    replace(body,
      risky.length ? h('p', { id: 'repeat-warning', class: 'repeat-risk', role: 'status' },
        t('agent.history.repeatRisk', { count: risky.length, category: term('category', selectedCategory),
          date: dateTime(risky[0].registeredAt) })) : null,
      h('p', { class: 'muted' }, t('agent.history.total', { total: page.total ?? items.length, phone })),
      table(items, risky, link));
  }

  return {
    element,
    show(phone) {
      clearTimeout(timer);
      const trimmed = (phone || '').trim();
      if (!PHONE.test(trimmed)) {
        asked++;
        if (!trimmed) hint();
        else if (shown && shown.phone !== trimmed) hint();
        return;
      }
      if (shown?.phone === trimmed) return;
      timer = setTimeout(() => lookUp(trimmed), DEBOUNCE_MS);
    },
    /** Asks again (e.g. after a registration, so that the new complaint shows). */
    refresh(phone) {
      clearTimeout(timer);
      if (PHONE.test(phone || '')) lookUp(phone);
    },
    category(value) {
      selectedCategory = value || '';
      draw();
    },
    reset: hint,
    stop: () => clearTimeout(timer),
  };
}

function isRepeatRisk(item, category) {
  return Boolean(category) && item.category === category
    && Date.now() - Date.parse(item.registeredAt) <= REPEAT_WINDOW_MS;
}

function table(items, risky, link) {
  return h('table', { id: 'customer-history-table' },
    h('thead', {}, h('tr', {},
      ['number', 'registeredAt', 'category', 'status'].map(key => h('th', { scope: 'col' }, t(`agent.history.${key}`))))),
    h('tbody', {}, items.map(item => h('tr', {
      class: risky.includes(item) ? 'repeat-risk' : null, dataset: { complaintId: item.id, category: item.category } },
    h('td', {}, link(item.id, item.number)),
    h('td', {}, h('time', { datetime: item.registeredAt }, dateTime(item.registeredAt))),
    h('td', {}, term('category', item.category),
      risky.includes(item) ? h('small', { class: 'repeat-tag' }, t('agent.history.repeatTag')) : null),
    // status and priority share a cell, so that the table fits beside the form at 1280 px
    h('td', {}, badge('complaintStatus', item.status), h('small', { class: 'priority' }, term('priority', item.priority)))))));
}
