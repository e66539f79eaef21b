// The branch league table (docs/architecture.md §7): every figure as a table, and the five rates a supervisor compares at a glance
// as a grouped bar chart per branch. The chart stays reachable for tests as Chart.getChart(#league-chart).
import { api, query } from '../../api.js';
import { h, replace, showFieldErrors, clearFieldErrors } from '../../dom.js';
import { language, t } from '../../i18n.js';
import { dateTime, instantOfLocal } from '../../format.js';
import { empty, field, region } from '../../ui.js';

const RATES = ['onTimeSignForRate', 'onTimeResolutionRate', 'satisfactionRate', 'reopenRate', 'returnRate',
  'repeatComplaintRate', 'promisesKeptOnTimeRate'];
/** The rates the chart compares; the repeat-complaint and promises-kept rates are in the table only. */
const CHARTED = ['onTimeSignForRate', 'onTimeResolutionRate', 'satisfactionRate', 'reopenRate', 'returnRate'];
/** Good rates in greens and blues, bad ones (reopened, returned) in warm colours. */
const COLOURS = { onTimeSignForRate: '#0b5cad', onTimeResolutionRate: '#1e7b34', satisfactionRate: '#5aa469',
  reopenRate: '#b3261e', returnRate: '#d98a00' };

export function leaguePart() {
  let chart = null;
  const from = h('input', { type: 'datetime-local', name: 'from', id: 'league-from' });
  const to = h('input', { type: 'datetime-local', name: 'to', id: 'league-to' });
  const form = h('form', { class: 'league-window', novalidate: true },
    field('league.from', from), field('league.to', to),
    h('button', { type: 'submit', class: 'primary' }, t('league.show')));
  const content = h('div', { id: 'league' });

  const destroyChart = () => {
    chart?.destroy();
    chart = null;
  };

  const load = () => {
    destroyChart();
    clearFieldErrors(form);
    return region(content,
      () => api.get(`/api/v1/branches/league${query({ from: instantOfLocal(from.value), to: instantOfLocal(to.value) })}`)
        .catch(error => {
          // a bad window is the form's fault: say so next to its fields
          if (Object.keys(error.fieldErrors || {}).length) showFieldErrors(form, error, t);
          throw error;
        }),
      league => render(league), () => false);
  };

  const render = league => {
    const caption = h('p', { class: 'muted', id: 'league-window' }, t('league.window',
      { from: dateTime(league.from), to: dateTime(league.to), asOf: dateTime(league.asOf) }));
    if (!league.branches.length) return [caption, empty('league.empty')];
    const canvas = h('canvas', { id: 'league-chart', role: 'img', 'aria-label': t('league.chart') });
    const box = h('div', { class: 'league-chart' }, canvas);
    // Chart.js needs the canvas in the document to size it: draw once the table and canvas are in place.
    queueMicrotask(() => { chart = drawChart(canvas, league.branches); if (!chart) replace(box, empty('league.noChart')); });
    return [caption, box, leagueTable(league.branches)];
  };

  form.addEventListener('submit', event => {
    event.preventDefault();
    load();
  });
  load();

  const element = h('div', { class: 'panel' },
    h('div', { class: 'toolbar' }, h('h3', {}, t('league.title')), form),
    content);
  return { element, close: destroyChart };
}

function leagueTable(branches) {
  const columns = ['branch', 'dispatched', ...RATES, 'openTickets', 'overdueTickets'];
  return h('table', { class: 'league', id: 'league-table' },
    h('thead', {}, h('tr', {}, columns.map(column => h('th', { scope: 'col' }, t(`league.col.${column}`))))),
    h('tbody', {}, branches.map(standing => h('tr', { dataset: { branch: standing.branch } },
      h('th', { scope: 'row' }, standing.branch),
      h('td', { class: 'number' }, standing.dispatched),
      RATES.map(rate => h('td', { class: 'number', dataset: { rate } }, rateCell(standing[rate]))),
      h('td', { class: 'number' }, standing.openTickets),
      h('td', { class: `number${standing.overdueTickets ? ' overdue' : ''}` }, standing.overdueTickets)))));
}

/** "87.5 %" over "7 of 8"; a dash when nothing counted (the service gives no rate then, never 0). */
function rateCell(rate) {
  if (!rate || rate.rate === null || rate.rate === undefined) return h('span', { class: 'muted' }, '—');
  return [h('span', { class: 'rate' }, percent(rate.rate)),
    h('small', { class: 'muted' }, t('league.rateOf', { count: rate.count, outOf: rate.outOf }))];
}

function percent(rate) {
  return new Intl.NumberFormat(language(), { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

function drawChart(canvas, branches) {
  if (!window.Chart) return null;
  const chart = new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels: branches.map(standing => standing.branch),
      datasets: CHARTED.map(rate => ({
        label: t(`league.col.${rate}`),
        key: rate,
        backgroundColor: COLOURS[rate],
        // a branch without the figure gets no bar, not a bar of 0
        data: branches.map(standing => (standing[rate]?.rate ?? null) === null ? null : standing[rate].rate * 100),
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { y: { min: 0, max: 100, ticks: { callback: value => `${value} %` } } },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: { callbacks: { label: context => tooltip(context, branches) } },
      },
    },
  });
  canvas.chart = chart;
  return chart;
}

function tooltip(context, branches) {
  const rate = branches[context.dataIndex][context.dataset.key];
  return `${context.dataset.label}: ${percent(rate.rate)} (${t('league.rateOf', { count: rate.count, outOf: rate.outOf })})`;
}
