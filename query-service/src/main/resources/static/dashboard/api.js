// Talks to both services with the signed-in person's bearer token, which lives in sessionStorage only.

const TOKEN_KEY = 'rekindle.token';
const USER_KEY = 'rekindle.user';

/** A problem+json answer, kept whole so the page can say what went wrong. */
export class Problem extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || `The service answered ${status}`);
    this.status = status;
    this.body = body;
  }
}

let config = { commandServiceUrl: '', devSignIn: false };

export async function loadConfig() {
  const response = await fetch('/dashboard/config', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Problem(response.status, null);
  config = await response.json();
  return config;
}

export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  user: () => sessionStorage.getItem(USER_KEY),
  signIn(token, user) {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(USER_KEY, user);
  },
  signOut() {
    sessionStorage.clear();
  },
};

/** The user name a token was issued for (its subject), for the header; the token is not verified here. */
export function subjectOf(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload)).sub || 'you';
  } catch {
    return 'you';
  }
}

export async function devToken(username) {
  const response = await fetch(`${config.commandServiceUrl}/dev/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ username }),
  });
  const body = await readBody(response);
  if (!response.ok) throw new Problem(response.status, body);
  return body.token;
}

function authorized(extra = {}) {
  return { Accept: 'application/json', Authorization: `Bearer ${session.token()}`, ...extra };
}

async function readBody(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text };
  }
}

/** GET from the query service. A 202 "not yet" (minVersion) is retried a few times. */
export async function read(path, { signal } = {}) {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(path, { headers: authorized(), signal });
    if (response.status === 401) {
      window.dispatchEvent(new CustomEvent('rekindle:signed-out'));
    }
    const body = await readBody(response);
    if (response.status === 202 && attempt < 5) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    if (!response.ok || response.status === 202) throw new Problem(response.status, body);
    return body;
  }
}

/** POST to the command service; answers its {journalId, entryId, version}. */
export async function write(path, payload) {
  const response = await fetch(`${config.commandServiceUrl}${path}`, {
    method: 'POST',
    headers: authorized({ 'Content-Type': 'application/json' }),
    body: JSON.stringify(payload),
  });
  const body = await readBody(response);
  if (!response.ok) throw new Problem(response.status, body);
  return body;
}

/** A download with the bearer header (a plain link could not send it). */
export async function download(path, filename) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${session.token()}` } });
  if (!response.ok) throw new Problem(response.status, await readBody(response));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
