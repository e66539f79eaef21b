// Talks to the four services through the console's one origin, which adds the signed-in person's token on the way.
// Every failure becomes an ApiError: a problem+json answer keeps its title, detail and field errors; a service that
// does not answer becomes "unavailable"; the console's own 401 (the session ended) loads the page again to sign in.
// A request that changes something carries the CSRF token: the console's cookie XSRF-TOKEN, sent back as a header.
import { signInAgain } from './session.js';

export class ApiError extends Error {
  constructor(status, title, detail, fieldErrors = {}, unavailable = false, problem = {}) {
    super(detail || title);
    this.problem = problem; // the whole problem+json, for members of its own (e.g. openObligations)
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.fieldErrors = fieldErrors;
    this.unavailable = unavailable;
  }
}

const UNAVAILABLE = [502, 503, 504];
const SAFE = ['GET', 'HEAD', 'OPTIONS'];
const CSRF_COOKIE = 'XSRF-TOKEN';
const CSRF_HEADER = 'X-XSRF-TOKEN';

/** The CSRF token the console set in its cookie. */
function csrfToken() {
  const cookie = document.cookie.split('; ').find(entry => entry.startsWith(`${CSRF_COOKIE}=`));
  return cookie ? decodeURIComponent(cookie.slice(CSRF_COOKIE.length + 1)) : '';
}

async function request(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (!SAFE.includes(method)) headers[CSRF_HEADER] = csrfToken();
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (networkFailure) {
    throw new ApiError(0, 'unavailable', networkFailure.message, {}, true);
  }
  if (response.ok) {
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    const total = response.headers.get('X-Total-Count');
    return total === null ? data : { items: data, total: Number(total) };
  }
  throw await errorOf(response);
}

async function errorOf(response) {
  let problem = {};
  try {
    problem = await response.json();
  } catch (notJson) {
    // a gateway or proxy page: the status says enough
  }
  // the console's own 401 names where to sign in; a service's 401 does not
  if (response.status === 401 && problem.signIn) signInAgain();
  const fieldErrors = {};
  (problem.errors || []).forEach(error => {
    fieldErrors[error.field] = fieldErrors[error.field] ? `${fieldErrors[error.field]}; ${error.message}` : error.message;
  });
  return new ApiError(response.status, problem.title || response.statusText, problem.detail, fieldErrors,
    UNAVAILABLE.includes(response.status), problem);
}

export const api = {
  get: path => request('GET', path),
  post: (path, body = {}) => request('POST', path, body),
  put: (path, body = {}) => request('PUT', path, body),
  patch: (path, body = {}) => request('PATCH', path, body),
  delete: path => request('DELETE', path),
};

/** A query string from the given parameters, leaving out the empty ones. */
export function query(parameters) {
  const search = new URLSearchParams();
  Object.entries(parameters).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== '') search.set(name, value);
  });
  const text = search.toString();
  return text ? `?${text}` : '';
}
