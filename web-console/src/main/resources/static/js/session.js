// Who is signed in at this console (GET /console/me: the issuer's word, read once per page load) and what they chose
// on this computer (language, branch, tab). The browser holds no token: the console keeps it in the session.
const KEY = 'closedloop.';

/** Which pages each role may open; a person sees the pages of all their roles. */
export const PAGE_ROLES = {
  agent: ['AGENT'],
  dispatcher: ['DISPATCHER', 'DISPATCH_DESK'],
  supervisor: ['SUPERVISOR'],
  admin: ['ADMIN'],
};

/** The dispatch desk's queue: the pseudo-branch that receives what no branch matches. */
export const DESK_QUEUE = 'MANUAL';

let current = { username: '', roles: [], branches: [], logout: null };

/** Reads who is signed in; a 401 means nobody is, and the page is loaded again to sign in. */
export async function signIn() {
  const response = await fetch('/console/me', { headers: { Accept: 'application/json' } });
  if (response.status === 401) {
    signInAgain();
    return null;
  }
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  current = await response.json();
  return current;
}

/** The person signed in: {username, roles, branches, logout}. */
export function signedIn() {
  return current;
}

export function hasRole(...roles) {
  return roles.some(role => current.roles.includes(role));
}

/** The pages this person may open, in the order of the navigation. */
export function allowedPages() {
  return Object.keys(PAGE_ROLES).filter(page => hasRole(...PAGE_ROLES[page]));
}

/** The branch queues this person may open: a dispatcher's own branches, and the desk's queue for the desk. */
export function allowedBranches() {
  const branches = hasRole('DISPATCHER') ? [...current.branches] : [];
  if (hasRole('DISPATCH_DESK')) branches.push(DESK_QUEUE);
  return branches;
}

/**
 * The console's session ended (or never began): loading the page again signs in, at once when the issuer still knows
 * the person. At most once a minute, so that a 401 that signing in does not cure cannot loop.
 */
export function signInAgain() {
  const last = Number(sessionStorage.getItem(KEY + 'signInAgain') || 0);
  if (Date.now() - last < 60000) return false;
  sessionStorage.setItem(KEY + 'signInAgain', String(Date.now()));
  location.reload();
  return true;
}

export function remembered(name, fallback = '') {
  return localStorage.getItem(KEY + name) ?? fallback;
}

export function remember(name, value) {
  localStorage.setItem(KEY + name, value);
}
