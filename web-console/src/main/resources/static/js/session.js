// Who is at the console (login comes later: the name is sent as X-Actor and audited) and what they chose.
const KEY = 'closedloop.';

export function actor() {
  return localStorage.getItem(KEY + 'actor') || '';
}

export function setActor(name) {
  localStorage.setItem(KEY + 'actor', name.trim());
}

export function remembered(name, fallback = '') {
  return localStorage.getItem(KEY + name) ?? fallback;
}

export function remember(name, value) {
  localStorage.setItem(KEY + name, value);
}
