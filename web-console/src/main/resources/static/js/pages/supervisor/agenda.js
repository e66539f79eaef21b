// The office-meeting (办公会) agenda: the items on the left, the chosen one's evidence pack (facts, escalations reached,
// who held it for how long, timeline) and the form to record the meeting's decision on the right; below them the
// problems (问题单) a supervisor put on the agenda, each linking to it on the problems tab.
import { api } from '../../api.js';
import { h, replace } from '../../dom.js';
import { t, term } from '../../i18n.js';
import { dateTime, duration, instantOfLocal, localOfInstant } from '../../format.js';
import { badge, empty, fact, field, region, submitTo, timeline } from '../../ui.js';
import { loadProblems, problemAddress } from '../../problems.js';

export function agendaPart(setCount) {
  const items = new Map();
  let chosen = null;
  const list = h('div', { class: 'agenda-list' });
  const detail = h('div', { class: 'agenda-detail', id: 'agenda-item', tabindex: '-1' },
    h('p', { class: 'state empty' }, t('agenda.choose')));

  const choose = id => {
    chosen = id;
    list.querySelectorAll('tr[data-item-id]').forEach(row => {
      row.classList.toggle('selected', row.dataset.itemId === id);
      row.querySelector('button')?.setAttribute('aria-pressed', String(row.dataset.itemId === id));
    });
    detail.dataset.itemId = id;
    replace(detail, itemDetail(items.get(id), recorded));
  };

  // A decision came back: keep the item as the service now has it, and show it chosen.
  const recorded = item => {
    items.set(item.id, item);
    setCount([...items.values()].filter(other => other.status === 'OPEN').length);
    drawList();
    choose(item.id);
    const done = h('p', { class: 'decision-recorded', role: 'status', tabindex: '-1' }, t('agenda.recorded'));
    detail.querySelector('h3').after(done);
    done.focus();
  };

  const drawList = () => replace(list, agendaTable([...items.values()], choose));

  const reload = region(list, async () => {
    const agenda = await api.get('/api/v1/office-meeting/agenda');
    items.clear();
    agenda.forEach(item => items.set(item.id, item));
    setCount(agenda.filter(item => item.status === 'OPEN').length);
    return agenda;
  }, agenda => {
    if (!agenda.length) {
      replace(detail);
      return empty('agenda.empty');
    }
    // keep the item the supervisor was reading; else open the first, so that its evidence is on screen at once
    queueMicrotask(() => choose(chosen && items.has(chosen) ? chosen : agenda[0].id));
    return agendaTable(agenda, choose);
  }, () => false);

  const problems = h('div', { id: 'agenda-problems-list' });
  const reloadProblems = region(problems, () => loadProblems({ agenda: true }), agendaProblems, () => false);
  const reloadAll = () => {
    reload();
    reloadProblems();
  };

  const element = h('div', { class: 'panel' },
    h('div', { class: 'toolbar' }, h('h3', {}, t('agenda.title')),
      h('button', { type: 'button', id: 'agenda-refresh', onclick: reloadAll }, t('supervisor.refresh'))),
    h('div', { class: 'agenda' }, list, detail),
    h('section', { class: 'agenda-problems', id: 'agenda-problems', 'aria-labelledby': 'agenda-problems-heading' },
      h('h4', { id: 'agenda-problems-heading' }, t('agenda.problems')), problems));
  return { element, shown: reloadAll };
}

/** The problems on the agenda: what, since when and why, how far their corrective actions are. */
function agendaProblems(problems) {
  if (!problems.length) return empty('agenda.noProblems');
  return h('table', { class: 'agenda-problems-table' },
    h('thead', {}, h('tr', {}, ['problem', 'since', 'reason', 'actions', 'status']
      .map(column => h('th', { scope: 'col' }, t(`agenda.col.${column}`))))),
    h('tbody', {}, problems.map(problem => {
      const actions = problem.actions || [];
      return h('tr', { dataset: { problemId: problem.id, status: problem.status } },
        h('td', {}, h('a', { href: problemAddress(problem.id), class: 'problem-link' }, problem.title),
          h('div', { class: 'muted' }, problem.id, ' · ', term('category', problem.category), ' · ', problem.district)),
        h('td', {}, h('time', { datetime: problem.agenda?.since }, dateTime(problem.agenda?.since)),
          problem.agenda?.by ? h('div', { class: 'muted' }, t('agenda.putBy', { actor: problem.agenda.by })) : null),
        h('td', {}, problem.agenda?.reason || ''),
        h('td', {}, t('agenda.actionsDone', { done: actions.filter(action => action.status === 'DONE').length,
          count: actions.length })),
        h('td', {}, badge('problemStatus', problem.status)));
    })));
}

function agendaTable(agenda, choose) {
  return h('table', { class: 'agenda-items', id: 'agenda-items' },
    h('thead', {}, h('tr', {}, ['complaint', 'reason', 'escalated', 'status']
      .map(column => h('th', { scope: 'col' }, t(`agenda.col.${column}`))))),
    h('tbody', {}, agenda.map(item => h('tr', { dataset: { itemId: item.id, complaintId: item.complaintId,
      status: item.status } },
    h('td', {}, h('button', { type: 'button', class: 'link', 'aria-pressed': 'false', onclick: () => choose(item.id) },
      item.evidence?.number || item.complaintId), h('div', { class: 'muted' }, item.branch)),
    h('td', {}, term('escalationReason', item.reason)),
    h('td', {}, h('time', { datetime: item.escalatedAt }, dateTime(item.escalatedAt))),
    h('td', {}, badge('agendaStatus', item.status))))));
}

function itemDetail(item, recorded) {
  const evidence = item.evidence || {};
  return [
    h('h3', {}, t('agenda.item', { number: evidence.number || item.complaintId, branch: item.branch }), ' ',
      badge('agendaStatus', item.status)),
    facts(item, evidence),
    decisions(item),
    item.status === 'DONE' ? h('p', { class: 'state empty' }, t('agenda.closedItem')) : decisionForm(item, recorded),
    h('section', { class: 'evidence', id: 'evidence' },
      h('h4', {}, t('agenda.breaches')), breaches(evidence.breaches || []),
      h('h4', {}, t('agenda.holders')), holders(evidence.holders || []),
      h('h4', { id: 'timeline-heading' }, t('agenda.timeline')), evidence.timeline?.length
        ? scrollable(timeline(evidence.timeline.map(entry => ({ ...entry, summary: entry.summary || entry.type }))))
        : h('p', { class: 'muted' }, t('agenda.none'))),
  ];
}

/** A long timeline scrolls in its box; the box takes the focus so that the keyboard can scroll it too. */
function scrollable(list) {
  list.tabIndex = 0;
  list.setAttribute('aria-labelledby', 'timeline-heading');
  return list;
}

function facts(item, evidence) {
  const pairs = [
    ['agenda.category', term('category', evidence.category)],
    ['agenda.priority', term('priority', evidence.priority)],
    ['agenda.repeat', evidence.repeat ? t('agenda.repeatOf', { count: evidence.earlierComplaints })
      : t('agenda.notRepeat')],
    ['agenda.reopened', String(evidence.reopenCount ?? 0)],
    ['agenda.col.reason', term('escalationReason', item.reason)],
    ['agenda.limit', item.clock ? `${term('clock', item.clock)} · ${dateTime(item.deadline)}` : '—'],
    ['agenda.col.escalated', dateTime(item.escalatedAt)],
    evidence.outcome ? ['agenda.outcome', term('outcome', evidence.outcome)] : null,
    evidence.closedAt ? ['agenda.closedAt', dateTime(evidence.closedAt)] : null,
    item.doneAt ? ['agendaStatus.DONE', t('agenda.done', { at: dateTime(item.doneAt), because: item.doneBecause || '' })]
      : null,
  ].filter(Boolean);
  return h('dl', { class: 'facts' }, pairs.map(([key, value]) => fact(key, value)));
}

function decisions(item) {
  if (!item.decision) return null;
  const earlier = (item.decisions || []).slice(0, -1).reverse();
  return h('section', { class: 'decision', id: 'decision-in-force' },
    h('h4', {}, t('agenda.decisionInForce')), decisionText(item.decision),
    earlier.length ? h('details', {}, h('summary', {}, t('agenda.earlierDecisions')),
      earlier.map(decisionText)) : null);
}

function decisionText(decision) {
  return h('dl', { class: 'facts' },
    h('dt', {}, t('agenda.owner')), h('dd', { class: 'owner' }, decision.owner),
    h('dt', {}, t('agenda.deadline')), h('dd', {}, dateTime(decision.deadline)),
    h('dt', {}, t('agenda.note')), h('dd', { class: 'note' }, decision.note,
      h('div', { class: 'muted' }, t('agenda.decidedBy', { actor: decision.decidedBy, at: dateTime(decision.decidedAt) }))));
}

function breaches(list) {
  if (!list.length) return h('p', { class: 'muted' }, t('agenda.none'));
  return h('table', { class: 'breaches' },
    h('thead', {}, h('tr', {}, ['at', 'kind', 'clock', 'deadline', 'branch', 'reason']
      .map(column => h('th', { scope: 'col' }, t(`agenda.col.${column}`))))),
    h('tbody', {}, list.map(breach => h('tr', { dataset: { kind: breach.kind } },
      h('td', {}, dateTime(breach.at)),
      h('td', {}, badge('alertKind', breach.kind)),
      h('td', {}, term('clock', breach.clock) || '—'),
      h('td', {}, dateTime(breach.deadline) || '—'),
      h('td', {}, breach.branch || ''),
      h('td', {}, term('escalationReason', breach.reason) || '—')))));
}

function holders(list) {
  if (!list.length) return h('p', { class: 'muted' }, t('agenda.none'));
  return h('table', { class: 'holders' },
    h('thead', {}, h('tr', {}, ['branch', 'ticket', 'handler', 'from', 'until', 'endedBy', 'dwell']
      .map(column => h('th', { scope: 'col' }, t(`agenda.col.${column}`))))),
    h('tbody', {}, list.map(holder => h('tr', { dataset: { branch: holder.branch } },
      h('td', {}, holder.branch),
      h('td', {}, h('abbr', { title: holder.ticketId }, (holder.ticketId || '').split('-')[0])),
      h('td', {}, holder.handler || '—'),
      h('td', {}, dateTime(holder.from)),
      h('td', {}, holder.until ? dateTime(holder.until) : t('agenda.stillHolding')),
      h('td', {}, holder.endedBy ? term('endedBy', holder.endedBy) : '—'),
      h('td', { class: 'number' }, dwell(holder.dwell))))));
}

/** The service writes a dwell as an ISO-8601 duration ("PT1M45.6S", "P2DT3H"); read in words. */
function dwell(iso) {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(iso || '');
  if (!match) return iso || '—';
  const [, days = 0, hours = 0, minutes = 0, seconds = 0] = match;
  return duration((((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000);
}

function decisionForm(item, recorded) {
  const current = item.decision;
  const owner = h('input', { type: 'text', name: 'owner', maxlength: 200, value: current?.owner || '',
    id: 'decision-owner', 'aria-required': 'true' });
  const deadline = h('input', { type: 'datetime-local', name: 'deadline', id: 'decision-deadline',
    value: current ? localOfInstant(current.deadline) : '', 'aria-required': 'true' });
  const note = h('textarea', { name: 'note', maxlength: 2000, id: 'decision-note', 'aria-required': 'true' },
    current?.note || '');
  const button = h('button', { type: 'submit', class: 'primary' }, t('agenda.record'));
  // novalidate: the service's 400 names each bad field, and the form shows it next to the field
  const form = h('form', { class: 'decision-form', id: 'decision-form', novalidate: true },
    h('h4', {}, t('agenda.decide')),
    h('div', { class: 'field-row' }, field('agenda.owner', owner), field('agenda.deadline', deadline)),
    field('agenda.note', note), button);
  form.addEventListener('submit', event => {
    event.preventDefault();
    submitTo(form, `/api/v1/office-meeting/items/${encodeURIComponent(item.id)}/decision`,
      { owner: owner.value.trim(), deadline: instantOfLocal(deadline.value) || null, note: note.value.trim() }, recorded);
  });
  return form;
}
