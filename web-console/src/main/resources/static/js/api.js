// Talks to the four services through the console's one origin. Every failure becomes an ApiError: a problem+json
// answer keeps its title, detail and field errors; a service that does not answer becomes "unavailable".
import { actor } from './session.js';

export class ApiError extends Error {
  constructor(status, title, detail, fieldErrors = {}, unavailable = false) {
    super(detail || title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.fieldErrors = fieldErrors;
    this.unavailable = unavailable;
  }
}

const UNAVAILABLE = [502, 503, 504];

async function request(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (actor()) headers['X-Actor'] = actor();
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
  const fieldErrors = {};
  (problem.errors || []).forEach(error => {
    fieldErrors[error.field] = fieldErrors[error.field] ? `${fieldErrors[error.field]}; ${error.message}` : error.message;
  });
  return new ApiError(response.status, problem.title || response.statusText, problem.detail, fieldErrors,
    UNAVAILABLE.includes(response.status));
}

export const api = {
  get: path => request('GET', path),
  post: (path, body = {}) => request('POST', path, body),
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
