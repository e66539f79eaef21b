// The business calendars (docs/sla-engine.md, "The business calendar"): the years escalation-service counts working
// time with, each shipped with the service or uploaded (which version, by whom, when), whether next year's is held, and
// a form that uploads a year in the shape of the shipped files (calendars/CN-2026.json), typed or loaded from a .json
// file. PUT /api/v1/admin/calendars/{region}/{year} stores it as that year's next version and answers with the
// calendars as GET /api/v1/calendars does, which redraws the list and the frame's warning.
import { api } from '../../api.js';
import { clearFieldErrors, h, replace, showFieldErrors } from '../../dom.js';
import { t } from '../../i18n.js';
import { dateTime } from '../../format.js';
import { badge, field, region } from '../../ui.js';
import { calendarsAre } from '../../calendar.js';

const COLUMNS = ['year', 'source', 'version', 'uploadedBy', 'uploadedAt'];

export function calendarsPart() {
  const list = h('div', { id: 'calendars', 'aria-live': 'polite' });
  const inputs = {
    region: h('input', { type: 'text', name: 'region', id: 'calendar-region', autocomplete: 'off', size: 8 }),
    year: h('input', { type: 'number', name: 'year', id: 'calendar-year', min: 2000, max: 2100, step: 1 }),
    text: h('textarea', { name: 'calendar', id: 'calendar-json', rows: 10, spellcheck: 'false' }),
    file: h('input', { type: 'file', id: 'calendar-file', accept: '.json,application/json' }),
  };
  const outcome = h('p', { class: 'calendar-outcome', role: 'status', id: 'calendar-uploaded' });
  // not "required" in the browser either: what is missing is said next to its field, in the console's words
  const form = h('form', { class: 'calendar-upload', id: 'calendar-upload', novalidate: true },
    h('div', { class: 'field-row' }, field('calendars.region', inputs.region), field('calendars.year', inputs.year)),
    field('calendars.json', inputs.text),
    field('calendars.file', inputs.file),
    h('button', { type: 'submit', class: 'primary' }, t('calendars.upload')),
    outcome);

  const render = status => {
    // the form starts from what the service counts in: its region, and next year while that is not held
    if (!inputs.region.value) inputs.region.value = status.region;
    if (!inputs.year.value && !status.nextYearHeld) inputs.year.value = status.nextYear;
    return [nextYearLine(status), calendarTable(status)];
  };
  region(list, () => api.get('/api/v1/calendars'), render, () => false);

  inputs.file.addEventListener('change', () => loadFile(inputs));
  form.addEventListener('submit', event => {
    event.preventDefault();
    replace(outcome);
    upload(form, inputs, status => {
      calendarsAre(status);
      replace(list, render(status));
      const uploaded = status.years.find(held => String(held.year) === inputs.year.value.trim());
      replace(outcome, uploaded ? t('calendars.uploaded', { year: uploaded.year, version: uploaded.version }) : null);
      outcome.tabIndex = -1;
      outcome.focus();
    });
  });

  return h('section', { class: 'panel calendars-part', id: 'calendars-part', 'aria-label': t('calendars.title') },
    h('p', { class: 'muted' }, t('calendars.explained')),
    list,
    h('h3', {}, t('calendars.uploadTitle')),
    form);
}

function nextYearLine(status) {
  const state = status.nextYearHeld ? 'held' : status.nextYearMissing ? 'missing' : 'notYet';
  return h('p', { class: `next-year ${state}`, id: 'calendars-next-year', dataset: { state } },
    t(`calendars.nextYear.${state}`, { year: status.nextYear }));
}

function calendarTable(status) {
  return h('table', { class: 'calendars', id: 'calendars-table' },
    h('caption', {}, t('calendars.caption', { region: status.region, zone: status.zone })),
    h('thead', {}, h('tr', {}, COLUMNS.map(column => h('th', { scope: 'col' }, t(`calendars.col.${column}`))))),
    h('tbody', {}, status.years.map(year => h('tr', { dataset: { year: year.year, source: year.source,
      version: year.version ?? '' } },
    h('th', { scope: 'row' }, String(year.year)),
    h('td', {}, badge('calendarSource', year.source)),
    h('td', { class: 'version' }, year.version ?? '—'),
    h('td', { class: 'uploaded-by' }, year.uploadedBy || '—'),
    h('td', { class: 'uploaded-at' }, year.uploadedAt
      ? h('time', { datetime: year.uploadedAt }, dateTime(year.uploadedAt)) : '—')))));
}

/** Puts the chosen file's text in the text field, and its year in the year field, so that the two agree. */
async function loadFile(inputs) {
  const chosen = inputs.file.files[0];
  if (!chosen) return;
  inputs.text.value = await chosen.text();
  try {
    const year = JSON.parse(inputs.text.value)?.year;
    if (Number.isInteger(year)) inputs.year.value = year;
  } catch (notJson) {
    // said when it is sent
  }
}

/**
 * Sends the year, once the form has what the address needs and the text is one JSON object: text that is no JSON is
 * refused here, before anything is sent, since the service could only say that its body does not parse. A refusal's
 * field errors name the region (shown next to its field) or an entry of the text (year, zone, holidays[2],
 * workingWeekends[0], workingHours …, listed under the text, since the text is one field).
 */
async function upload(form, inputs, onUploaded) {
  clearFieldErrors(form);
  const missing = ['region', 'year'].filter(name => !inputs[name].value.trim());
  const calendar = parsed(inputs.text.value);
  const refused = Object.fromEntries(missing.map(name => [name, t('calendars.required')]));
  if (typeof calendar === 'string') refused.calendar = calendar;
  if (Object.keys(refused).length) {
    showFieldErrors(form, { fieldErrors: refused }, t);
    form.querySelector('[aria-invalid="true"]')?.focus();
    return;
  }
  const buttons = [...form.querySelectorAll('button')];
  buttons.forEach(button => { button.disabled = true; });
  try {
    const answer = await api.put(`/api/v1/admin/calendars/${encodeURIComponent(inputs.region.value.trim())}/`
      + encodeURIComponent(inputs.year.value.trim()), calendar);
    onUploaded(answer);
  } catch (error) {
    showRefusal(form, inputs.text, error);
  } finally {
    buttons.forEach(button => { button.disabled = false; });
  }
}

/** The text as the calendar to send, or why it cannot be sent (a string). */
function parsed(text) {
  let calendar;
  try {
    calendar = JSON.parse(text);
  } catch (notJson) {
    return t('calendars.notJson', { reason: notJson.message });
  }
  return calendar !== null && typeof calendar === 'object' && !Array.isArray(calendar)
    ? calendar : t('calendars.notAnObject');
}

function showRefusal(form, text, error) {
  const entries = Object.entries(error.fieldErrors || {}).filter(([name]) => name !== 'region');
  // the region next to its field; without it, the problem's own words at the top of the form (the fields it names, or
  // that the service is not answering)
  const own = error.fieldErrors?.region ? { region: error.fieldErrors.region } : {};
  showFieldErrors(form, { ...error, fieldErrors: own }, t);
  if (entries.length) {
    const listed = h('ul', { class: 'form-error calendar-errors', id: 'calendar-errors', role: 'alert' },
      entries.map(([name, message]) => h('li', { dataset: { field: name } }, h('code', {}, name), ': ', message)));
    text.closest('.field').append(listed);
    text.setAttribute('aria-invalid', 'true');
    text.setAttribute('aria-describedby', listed.id);
  }
  form.querySelector('[aria-invalid="true"]')?.focus();
}
