// The business calendar's standing warning in the frame. Once next year's calendar is missing (escalation-service says
// so from 1 December, GET /api/v1/calendars), deadlines that reach into next year count plain Monday–Friday weeks and
// may move when it is uploaded: supervisors, who answer for the deadlines, and administrators, who upload calendars,
// see a banner on every page until it is there. Read once when the console loads, and again from the answer of an
// upload on the administrator's page; nobody else is asked, nor warned.
import { api } from './api.js';
import { h, replace } from './dom.js';
import { t } from './i18n.js';
import { hasRole } from './session.js';

const WARNED = ['SUPERVISOR', 'ADMIN'];

/**
 * The warning (id calendar-warning; data-calendar says what is known: reading, held, missing, or unknown when the call
 * failed), hidden unless next year's calendar is missing. One element, put in the frame each time it is drawn.
 */
const banner = h('p', { class: 'calendar-warning', id: 'calendar-warning', role: 'status', hidden: true,
  dataset: { calendar: 'reading' } });
let status = null;

/** Reads whether next year's calendar is missing, for those who are warned. */
export async function readCalendars() {
  if (!hasRole(...WARNED)) return;
  try {
    calendarsAre(await api.get('/api/v1/calendars'));
  } catch (failure) {
    // The warning is a courtesy: a page works without it, and says itself when escalation-service is not answering.
    banner.dataset.calendar = 'unknown';
  }
}

/** What GET /api/v1/calendars (or an upload's answer) says now. */
export function calendarsAre(answer) {
  status = answer;
  banner.dataset.calendar = status.nextYearMissing ? 'missing' : 'held';
  drawWarning();
}

/** The warning in the current language, to be put in the frame; null for a person who is not warned. */
export function calendarWarning() {
  if (!hasRole(...WARNED)) return null;
  drawWarning();
  return banner;
}

function drawWarning() {
  const missing = Boolean(status?.nextYearMissing);
  banner.hidden = !missing;
  if (!missing) {
    replace(banner);
  } else if (hasRole('ADMIN')) {
    // the link keeps its distance by its margin: Chinese puts no space between sentences
    replace(banner, t('calendar.missingForAdministrators', { year: status.nextYear }),
      h('a', { href: '#/admin', id: 'calendar-warning-upload' }, t('calendar.upload')));
  } else {
    replace(banner, t('calendar.missing', { year: status.nextYear }));
  }
}
