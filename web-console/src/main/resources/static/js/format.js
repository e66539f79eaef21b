// Times as the person at the console reads them: in their browser's time zone and language.
import { language, t } from './i18n.js';

export const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function dateTime(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short', timeZone: ZONE })
    .format(new Date(iso));
}

/** A duration in milliseconds as "2 h 05 min" / "2小时05分"; with seconds under an hour. */
export function duration(milliseconds) {
  const total = Math.floor(Math.abs(milliseconds) / 1000);
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days > 0) return t('duration.days', { days, hours });
  if (hours > 0) return t('duration.hours', { hours, minutes: String(minutes).padStart(2, '0') });
  return t('duration.minutes', { minutes, seconds: String(seconds).padStart(2, '0') });
}

/** An HTML datetime-local value (the user's wall clock) as an ISO instant, or '' when empty. */
export function instantOfLocal(value) {
  return value ? new Date(value).toISOString() : '';
}

/** An ISO instant as an HTML datetime-local value on the user's wall clock. */
export function localOfInstant(iso) {
  const date = new Date(iso);
  const offset = date.getTimezoneOffset() * 60000;
  return new Date(date.getTime() - offset).toISOString().slice(0, 16);
}
