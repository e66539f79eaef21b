// Deadlines that count down on screen, coloured green (on time), yellow (past the warning point) or red (breached).
// One timer updates every countdown on the page each second.
import { h } from './dom.js';
import { duration } from './format.js';
import { t } from './i18n.js';

/**
 * A countdown for a clock of escalation-service: {deadline, warnAt, state, breached}. A paused clock (waiting on the
 * customer) and a stopped one do not count.
 */
export function countdown(clock) {
  const element = h('span', { class: 'countdown', dataset: { deadline: clock.deadline, warnAt: clock.warnAt || '' } });
  if (clock.state && clock.state !== 'RUNNING') {
    element.dataset.state = clock.state;
  }
  if (clock.breached) element.dataset.breached = 'true';
  update(element, Date.now());
  return element;
}

function update(element, now) {
  const deadline = Date.parse(element.dataset.deadline);
  const warnAt = element.dataset.warnAt ? Date.parse(element.dataset.warnAt) : deadline;
  const state = element.dataset.state;
  if (state) {
    element.className = `countdown ${state === 'PAUSED' ? 'paused' : 'stopped'}`;
    element.textContent = t(`clock.state.${state}`);
    return;
  }
  const breached = element.dataset.breached === 'true' || now >= deadline;
  element.className = `countdown ${breached ? 'breached' : now >= warnAt ? 'warning' : 'on-time'}`;
  element.textContent = breached ? t('countdown.overdue', { time: duration(now - deadline) })
    : t('countdown.left', { time: duration(deadline - now) });
}

setInterval(() => {
  const now = Date.now();
  document.querySelectorAll('.countdown[data-deadline]').forEach(element => update(element, now));
}, 1000);
