// Talks to both services with the signed-in person's bearer token. Everything of a session lives in
// sessionStorage only: this tab's, gone when it closes.

// A pasted or demo token and the name it shows; a provider sign-in keeps its tokens in oidc-client-ts's store.
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

let config = { commandServiceUrl: '', issuer: null, clientId: null, demo: false };
/** oidc-client-ts's UserManager when the service names a provider; null when people can only paste a token. */
let provider = null;
/** The person signed in at the provider (oidc-client-ts's User: tokens and profile), or null. */
let providerUser = null;
/** While signing out, the provider's last word about the user (revoking stores it once more) is not taken. */
let signingOut = false;

export async function loadConfig() {
  const response = await fetch('/dashboard/config', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Problem(response.status, null);
  config = await response.json();
  if (config.issuer && window.oidc) provider = signInAt(config);
  return config;
}

/**
 * Authorization code with PKCE at the provider, as a public client; the access token is renewed with the
 * (rotating) refresh token a minute before it expires.
 */
function signInAt({ issuer, clientId }) {
  const back = `${location.origin}/`;
  const manager = new window.oidc.UserManager({
    authority: issuer,
    client_id: clientId,
    redirect_uri: back,
    post_logout_redirect_uri: back,
    response_type: 'code',
    scope: 'openid profile journals',
    automaticSilentRenew: true,
    userStore: new window.oidc.WebStorageStateStore({ store: sessionStorage }),
    // Its default for the sign-in's state and PKCE verifier is localStorage, which outlives the tab.
    stateStore: new window.oidc.WebStorageStateStore({ store: sessionStorage }),
  });
  manager.events.addUserLoaded((user) => {
    if (!signingOut) providerUser = user;
  });
  manager.events.addUserUnloaded(() => {
    providerUser = null;
  });
  // The provider refused the refresh token (revoked, expired, account gone): this session is over.
  manager.events.addSilentRenewError((error) => {
    if (error && error.error) sessionEnded();
  });
  // No renewal came in time (the provider was out of reach): the token no longer opens anything.
  manager.events.addAccessTokenExpired(() => {
    if (!providerUser || providerUser.expired) sessionEnded();
  });
  return manager;
}

function sessionEnded() {
  window.dispatchEvent(new CustomEvent('rekindle:signed-out'));
}

export const session = {
  token: () => providerUser?.access_token ?? sessionStorage.getItem(TOKEN_KEY),
  user: () => (providerUser
    ? providerUser.profile.preferred_username || providerUser.profile.sub
    : sessionStorage.getItem(USER_KEY)),
  /** Whether "Sign in" at a provider is on offer. */
  canSignInAtProvider: () => provider !== null,
  /** A token from elsewhere: pasted, or the provider's demo token. */
  signIn(token, user) {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(USER_KEY, user);
  },
  /** Off to the provider's sign-in page; it comes back to this page with ?code&state. */
  async signInAtProvider() {
    await provider.signinRedirect();
  },
  /**
   * Picks up where the page left off: the provider's answer after sign-in or sign-out (then the address is
   * tidied to "/"), or a provider session kept in this tab, renewed first if its access token ran out.
   */
  async resume() {
    if (!provider) return;
    const answer = new URLSearchParams(location.search);
    if (answer.has('state')) {
      try {
        if (answer.has('code') || answer.has('error')) providerUser = await provider.signinRedirectCallback();
        else await provider.signoutRedirectCallback();
      } finally {
        history.replaceState(null, '', '/');
      }
      return;
    }
    const kept = await provider.getUser();
    if (kept && kept.expired) {
      try {
        providerUser = await provider.signinSilent();
      } catch {
        await provider.removeUser();
      }
      return;
    }
    providerUser = kept;
  },
  /**
   * Forgets everything of this session. At the provider the refresh token is revoked first (its sign-out ends
   * the provider's own session but revokes nothing); leaving there too is asked for by a person signing out,
   * not when a session has merely ended.
   */
  async signOut({ atProvider = false } = {}) {
    const user = providerUser;
    providerUser = null;
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
    if (!provider || !user) {
      sessionStorage.clear();
      return;
    }
    signingOut = true;
    try {
      await provider.revokeTokens(['refresh_token']);
    } catch (error) {
      // A session that has ended may have no live refresh token left to revoke; a person signing out is told.
      if (atProvider) throw error;
    } finally {
      await provider.removeUser();
      signingOut = false;
    }
    if (atProvider) {
      // The sign-out endpoint needs the ID token to know whose session it ends; removeUser has dropped it.
      await provider.signoutRedirect({ id_token_hint: user.id_token });
    } else {
      sessionStorage.clear();
    }
  },
};

/** The name a pasted token was issued for, for the header; the token is not verified here. */
export function nameOf(token) {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return payload.preferred_username || payload.sub || 'you';
  } catch {
    return 'you';
  }
}

/** Demo mode only: the provider hands a token to anyone on this computer for any name. */
export async function demoToken(username) {
  const response = await fetch(`${config.issuer.replace(/\/$/, '')}/demo/tokens`, {
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
