// The live alert feed: the open alerts from the list, then every alert the stream tells, by id (a new one is put at
// the top and highlighted, a known one is updated where it is). Rows are kept and updated one by one, so that a
// highlight or the focus is not lost when another alert arrives.
import { api } from '../../api.js';
import { h, replace, describe } from '../../dom.js';
import { t } from '../../i18n.js';
import { dateTime } from '../../format.js';
import { listen } from '../../live.js';
import { countdown } from '../../countdown.js';
import { problemAddress } from '../../problems.js';
import { badge, loading, failure } from '../../ui.js';

const LEVELS = ['all', '0', '1', '2'];

export function alertsPart(setCount) {
  const alerts = new Map();
  const rows = new Map();
  let level = 'all';
  let loaded = false;

  const body = h('tbody', { id: 'alert-rows' });
  const state = h('div', { class: 'alert-state' }, loading());
  const table = h('table', { class: 'alerts', id: 'alerts', hidden: true },
    h('thead', {}, h('tr', {}, ['kind', 'complaint', 'deadline', 'raised', 'summary', 'status']
      .map(column => h('th', { scope: 'col' }, t(`alerts.col.${column}`))))),
    body);
  const chips = LEVELS.map(value => h('button', { type: 'button', class: 'chip', 'data-level': value,
    'aria-pressed': String(value === level), onclick: () => filter(value) }, t(`alerts.filter.${value}`)));

  const filter = value => {
    level = value;
    chips.forEach(chip => chip.setAttribute('aria-pressed', String(chip.dataset.level === value)));
    refreshVisibility();
  };

  const refreshVisibility = () => {
    rows.forEach((row, id) => { row.hidden = !matches(alerts.get(id)); });
    const visible = [...rows.values()].some(row => !row.hidden);
    table.hidden = !visible;
    if (loaded) replace(state, visible ? null : h('p', { class: 'state empty' },
      t(level === 'all' ? 'alerts.empty' : 'alerts.emptyFiltered')));
    setCount([...alerts.values()].filter(alert => alert.status === 'OPEN').length);
  };

  const matches = alert => level === 'all' || String(alert.level) === level;

  // An alert from the list or the stream: a new one goes in at its place by time, a known one is redrawn in place.
  const take = (alert, fresh) => {
    alerts.set(alert.id, alert);
    const row = alertRow(alert, acknowledge);
    const old = rows.get(alert.id);
    rows.set(alert.id, row);
    if (old) {
      old.replaceWith(row);
      return;
    }
    if (fresh) row.classList.add('highlight-new');
    const raised = Date.parse(alert.raisedAt);
    const later = [...body.children].find(other => Date.parse(alerts.get(other.dataset.alertId).raisedAt) < raised);
    body.insertBefore(row, later || null);
  };

  const acknowledge = async (alert, button, note) => {
    button.disabled = true;
    replace(note);
    try {
      take(await api.post(`/api/v1/alerts/${encodeURIComponent(alert.id)}/ack`), false);
      refreshVisibility();
      rows.get(alert.id)?.querySelector('.alert-status')?.focus();
    } catch (error) {
      button.disabled = false;
      replace(note, describe(error, t));
    }
  };

  // Listen first, then read the list: an alert raised in between comes by the stream and is not missed; after a
  // break in the stream the list is read again for what was raised meanwhile.
  const live = listen('/api/v1/alerts/stream', 'alert', alert => {
    take(alert, !alerts.has(alert.id));
    refreshVisibility();
  }, () => load());

  const load = async () => {
    replace(state, loading());
    try {
      const open = await api.get('/api/v1/alerts?limit=500');
      // what the stream told meanwhile is newer than the list
      open.filter(alert => !alerts.has(alert.id)).forEach(alert => take(alert, false));
      loaded = true;
      refreshVisibility();
    } catch (error) {
      replace(state, failure(error, load));
    }
  };
  load();

  const element = h('div', { class: 'panel' },
    h('div', { class: 'toolbar' },
      h('h3', {}, t('alerts.title')), live.indicator,
      h('div', { class: 'chips', role: 'group', 'aria-label': t('alerts.filter') }, chips)),
    state, table);
  return { element, close: live.close };
}

function alertRow(alert, acknowledge) {
  return h('tr', { class: `alert level-${alert.level} status-${alert.status.toLowerCase()}`,
    dataset: { alertId: alert.id, complaintId: alert.complaintId, kind: alert.kind, level: String(alert.level),
      status: alert.status, ...(alert.problemId ? { problemId: alert.problemId } : {}) } },
  h('td', {}, badge('alertKind', alert.kind)),
  h('td', {}, h('div', {}, t('alerts.complaint'), ' ', shortId(alert.complaintId)),
    h('div', { class: 'muted' }, alert.branch || ''),
    // a problem's alert (opened, an action due soon or overdue) links to the problem on the problems tab
    alert.problemId ? h('div', {}, h('a', { class: 'problem-link', href: problemAddress(alert.problemId),
      dataset: { problemId: alert.problemId } }, t('alerts.problem', { id: alert.problemId }))) : null),
  h('td', {}, deadlineOf(alert)),
  h('td', {}, h('time', { datetime: alert.raisedAt }, dateTime(alert.raisedAt))),
  h('td', { class: 'summary' }, alert.summary || ''),
  h('td', {}, statusOf(alert, acknowledge)));
}

/** The first part of a UUID is enough to tell complaints apart on screen; the whole one is in the title. */
function shortId(id) {
  return id ? h('abbr', { title: id }, id.split('-')[0]) : '';
}

function deadlineOf(alert) {
  if (!alert.deadline) return h('span', { class: 'muted' }, t('alerts.noDeadline'));
  const limit = alert.clock ? t(`clock.${alert.clock}`) : '';
  // an open alert counts on; a cleared one only says when its deadline was
  const clock = alert.status === 'CLEARED' ? h('time', { datetime: alert.deadline }, dateTime(alert.deadline))
    : countdown({ deadline: alert.deadline, warnAt: alert.level === 0 ? alert.raisedAt : null,
      breached: alert.level > 0 });
  return [h('div', {}, limit), clock];
}

function statusOf(alert, acknowledge) {
  if (alert.status === 'OPEN') {
    const note = h('span', { class: 'field-error', role: 'alert' });
    const button = h('button', { type: 'button', class: 'primary acknowledge',
      onclick: () => acknowledge(alert, button, note) }, t('alerts.acknowledge'));
    return [button, note];
  }
  const detail = alert.status === 'ACKNOWLEDGED'
    ? t('alerts.acknowledgedBy', { actor: alert.acknowledgedBy, at: dateTime(alert.acknowledgedAt) })
    : t('alerts.clearedAt', { at: dateTime(alert.clearedAt) });
  return h('div', { class: 'alert-status', tabindex: '-1' }, badge('alertStatus', alert.status),
    h('div', { class: 'muted' }, detail));
}
