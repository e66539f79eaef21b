// Policy what-if (预演): the supervisor edits a draft of the time limits in force and replays a window's complaints
// under it (POST /api/v1/policies/what-if), to see per branch and category how many tickets the draft would have
// warned (催办) and escalated (督办, 办公会) beside how many were. Nothing is published or changed. The chart stays
// reachable for tests as Chart.getChart(#what-if-chart).
import { api } from '../../api.js';
import { h, replace } from '../../dom.js';
import { t, term } from '../../i18n.js';
import { dateTime, instantOfLocal, localOfInstant } from '../../format.js';
import { VOCABULARY } from '../../messages.js';
import { empty, field, region, submitTo } from '../../ui.js';

const LIMITS = ['signFor', 'firstContact', 'resolve'];
/** The time bases of event-contracts' TimeBasis, in its order. */
const BASES = ['CALENDAR', 'WORKING'];
const RUNGS = ['warned', 'level1', 'level2'];
const SIDES = ['draft', 'actual'];
/** The rungs the chart compares; level 2 is rare enough to be read in the table. */
const CHARTED = ['warned', 'level1'];
/** The draft in the full colour of its rung, what happened in a pale one beside it. */
const COLOURS = { draft: { warned: '#d98a00', level1: '#b3261e' }, actual: { warned: '#f2cd85', level1: '#e8a39e' } };
const MINUTE = 60 * 1000;
const WINDOW_DAYS = 30;

export function whatIfPart() {
  let chart = null;
  let inForce = null;
  const offered = defaultWindow();
  const from = h('input', { type: 'datetime-local', name: 'from', id: 'what-if-from', value: offered.from });
  const to = h('input', { type: 'datetime-local', name: 'to', id: 'what-if-to', value: offered.to });
  const replay = h('button', { type: 'submit', class: 'primary', id: 'what-if-replay', disabled: true },
    t('whatIf.replay'));
  const status = h('span', { class: 'muted', role: 'status', id: 'what-if-status' });
  const draft = h('div', { class: 'what-if-draft' });
  // novalidate: the service's 400 names each bad field (a rule's limit by its index), shown next to its input
  const form = h('form', { class: 'what-if-form', id: 'what-if-form', novalidate: true },
    h('div', { class: 'what-if-range' }, field('whatIf.from', from), field('whatIf.to', to), replay, status),
    draft);
  const result = h('div', { id: 'what-if-result' }, empty('whatIf.hint'));

  const destroyChart = () => {
    chart?.destroy();
    chart = null;
  };

  // no draft to send while the version in force is read (again): its inputs may be about to go
  const readPolicy = () => {
    inForce = null;
    replay.disabled = true;
    return api.get('/api/v1/policies/current');
  };

  const loadPolicy = region(draft, readPolicy, policy => {
    // the rows in the vocabulary's order; the draft is sent in the same order, so that rules[i] of an error is row i
    inForce = { ...policy, rules: [...policy.rules].sort(byVocabulary) };
    replay.disabled = false;
    return [h('p', { class: 'muted', id: 'what-if-based-on' }, t('whatIf.basedOn', { version: policy.version,
      publishedBy: policy.publishedBy }), ' ',
    h('button', { type: 'button', class: 'link', id: 'what-if-reset', onclick: () => loadPolicy() },
      t('whatIf.reset'))),
    h('div', { class: 'draft-rules-box' }, rulesTable(inForce.rules))];
  }, () => false);

  const show = report => {
    status.textContent = '';
    destroyChart();
    replace(result, render(report));
    result.scrollIntoView({ block: 'start' });
  };

  const render = report => {
    const caption = h('p', { class: 'muted', id: 'what-if-window', dataset: { from: report.from, to: report.to } },
      t('whatIf.window', { from: dateTime(report.from), to: dateTime(report.to), complaints: report.complaints,
        until: dateTime(report.replayedUntil) }));
    if (!report.rows.length) return [caption, empty('whatIf.empty')];
    const canvas = h('canvas', { id: 'what-if-chart', role: 'img', 'aria-label': t('whatIf.chart') });
    const box = h('div', { class: 'what-if-chart' }, canvas);
    // Chart.js needs the canvas in the document to size it: draw once the table and canvas are in place.
    queueMicrotask(() => {
      chart = drawChart(canvas, perBranch(report.rows));
      if (!chart) replace(box, empty('whatIf.noChart'));
    });
    return [caption, box, reportTable(report)];
  };

  form.addEventListener('submit', event => {
    event.preventDefault();
    if (!inForce) return;
    status.textContent = t('whatIf.replaying');
    // a refused draft leaves the last answer on screen: the errors are the form's, next to their fields
    submitTo(form, '/api/v1/policies/what-if', { policy: draftOf(form, inForce),
      from: instantOfLocal(from.value) || null, to: instantOfLocal(to.value) || null }, show,
    () => { status.textContent = ''; });
  });

  const element = h('div', { class: 'panel what-if' },
    h('div', { class: 'toolbar' }, h('h3', {}, t('whatIf.title'))),
    h('p', { class: 'muted' }, t('whatIf.intro')),
    form, result);
  return { element, close: destroyChart };
}

/**
 * The window offered at first: the last 30 days, up to the next whole minute, since the input has no seconds and
 * cutting them off would leave out the complaints of the minute under way.
 */
function defaultWindow() {
  const to = Math.ceil(Date.now() / MINUTE) * MINUTE;
  return { from: localOfInstant(new Date(to - WINDOW_DAYS * 24 * 60 * MINUTE).toISOString()),
    to: localOfInstant(new Date(to).toISOString()) };
}

function byVocabulary(a, b) {
  return VOCABULARY.category.indexOf(a.category) - VOCABULARY.category.indexOf(b.category)
    || VOCABULARY.priority.indexOf(a.priority) - VOCABULARY.priority.indexOf(b.priority);
}

/** The input of rule i's limit, named as the service names it in a 400: policy.rules[i].signFor.amount. */
const inputName = (index, limit, part) => `policy.rules[${index}].${limit}.${part}`;

function rulesTable(rules) {
  return h('table', { class: 'draft-rules', id: 'what-if-rules' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('whatIf.col.category')),
      h('th', { scope: 'col' }, t('whatIf.col.priority')),
      LIMITS.map(limit => h('th', { scope: 'col' }, t(`whatIf.limit.${limit}`))))),
    h('tbody', {}, rules.map((rule, index) => h('tr', { dataset: { category: rule.category, priority: rule.priority } },
      h('th', { scope: 'row' }, term('category', rule.category)),
      h('td', {}, term('priority', rule.priority)),
      LIMITS.map(limit => h('td', {}, limitField(rule, index, limit)))))));
}

/**
 * One limit's amount (ISO-8601 text) and basis, prefilled with the version in force; a limit changed from it is
 * marked, so that the supervisor sees what the draft changes.
 */
function limitField(rule, index, limit) {
  const current = rule[limit];
  const names = { rule: `${term('category', rule.category)} · ${term('priority', rule.priority)}`,
    limit: t(`whatIf.limit.${limit}`) };
  const id = `rule-${index}-${limit}`;
  const amount = h('input', { type: 'text', name: inputName(index, limit, 'amount'), id: `${id}-amount`,
    value: current.amount, size: 8, spellcheck: 'false', autocomplete: 'off',
    'aria-label': t('whatIf.amountOf', names) });
  const basis = h('select', { name: inputName(index, limit, 'basis'), id: `${id}-basis`,
    'aria-label': t('whatIf.basisOf', names) },
  BASES.map(value => h('option', { value, selected: value === current.basis }, t(`whatIf.basis.${value}`))));
  // .field: a field error lands inside, under the inputs
  const box = h('div', { class: 'limit field', dataset: { limit } }, amount, basis);
  const mark = () => box.classList.toggle('changed',
    amount.value.trim() !== current.amount || basis.value !== current.basis);
  amount.addEventListener('input', mark);
  basis.addEventListener('change', mark);
  return box;
}

/** The draft as the service takes it: every rule with the limits the form says, the outside limits as in force. */
function draftOf(form, inForce) {
  const value = name => form.elements.namedItem(name).value.trim();
  return {
    rules: inForce.rules.map((rule, index) => ({
      category: rule.category,
      priority: rule.priority,
      ...Object.fromEntries(LIMITS.map(limit => [limit,
        { amount: value(inputName(index, limit, 'amount')), basis: value(inputName(index, limit, 'basis')) }])),
    })),
    outside: inForce.outside,
  };
}

function reportTable(report) {
  return h('table', { class: 'what-if-report', id: 'what-if-table' },
    h('thead', {},
      h('tr', {}, ['branch', 'category', 'tickets'].map(column => h('th', { scope: 'col', rowspan: 2 },
        t(`whatIf.col.${column}`))),
      RUNGS.map(rung => h('th', { scope: 'colgroup', colspan: 2, class: 'rung' }, t(`whatIf.rung.${rung}`)))),
      h('tr', {}, RUNGS.map(() => SIDES.map(side => h('th', { scope: 'col', class: side }, t(`whatIf.${side}`)))))),
    h('tbody', {}, report.rows.map(row => h('tr', { dataset: { branch: row.branch, category: row.category } },
      h('th', { scope: 'row' }, row.branch),
      h('td', {}, term('category', row.category)),
      countCells(row)))),
    h('tfoot', {}, h('tr', { class: 'total' },
      h('th', { scope: 'row', colspan: 2 }, t('whatIf.total')),
      countCells(report.total))));
}

/** The tickets, then per rung the draft's count (marked where it differs from what happened) beside the actual one. */
function countCells(row) {
  return [h('td', { class: 'number', dataset: { of: 'tickets' } }, row.tickets),
    RUNGS.map(rung => {
      const draft = row.draft[rung];
      const actual = row.actual[rung];
      const change = draft > actual ? 'higher' : draft < actual ? 'lower' : null;
      return [
        h('td', { class: `number draft${change ? ` ${change}` : ''}`, dataset: { rung, of: 'draft', count: draft },
          title: change ? t(change === 'higher' ? 'whatIf.more' : 'whatIf.fewer', { count: Math.abs(draft - actual) })
            : null },
        draft, change ? h('span', { class: 'change' }, draft > actual ? `+${draft - actual}` : `−${actual - draft}`)
          : null),
        h('td', { class: 'number actual', dataset: { rung, of: 'actual', count: actual } }, actual),
      ];
    })];
}

/** The rows added up per branch, in the rows' order (the service sorts them by branch). */
function perBranch(rows) {
  const branches = new Map();
  rows.forEach(row => {
    const sum = branches.get(row.branch) ?? { branch: row.branch, draft: {}, actual: {} };
    SIDES.forEach(side => RUNGS.forEach(rung => { sum[side][rung] = (sum[side][rung] ?? 0) + row[side][rung]; }));
    branches.set(row.branch, sum);
  });
  return [...branches.values()];
}

function drawChart(canvas, branches) {
  if (!window.Chart) return null;
  const chart = new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels: branches.map(sum => sum.branch),
      datasets: CHARTED.flatMap(rung => SIDES.map(side => ({
        label: t('whatIf.series', { rung: t(`whatIf.rung.${rung}`), side: t(`whatIf.${side}`) }),
        key: `${side}.${rung}`,
        backgroundColor: COLOURS[side][rung],
        // a lone branch gets bars, not walls
        maxBarThickness: 48,
        data: branches.map(sum => sum[side][rung]),
      }))),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      // counts of tickets: whole numbers on the axis
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  canvas.chart = chart;
  return chart;
}
