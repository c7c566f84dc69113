// Calls to the search-service API. Errors carry the API's {"error": "why"} message.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function getJson(url, options = {}) {
  const response = await fetch(url, { ...options, headers: { Accept: 'application/json', ...(options.headers || {}) } });
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const why = body && typeof body.error === 'string' ? body.error : `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, why);
  }
  return body;
}

export function search(params, cursor) {
  const query = new URLSearchParams(params);
  if (cursor) {
    query.set('cursor', cursor);
    query.set('facets', 'false');
  }
  return getJson('/api/search?' + query);
}

export function article(id) {
  return getJson('/api/articles/' + encodeURIComponent(id));
}

export function similar(id) {
  return getJson('/api/articles/' + encodeURIComponent(id) + '/similar?size=5');
}

export function listSubscriptions() {
  return getJson('/api/subscriptions');
}

export function createSubscription(subscription) {
  return getJson('/api/subscriptions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(subscription),
  });
}

export function deleteSubscription(id) {
  return getJson('/api/subscriptions/' + encodeURIComponent(id), { method: 'DELETE' });
}

/** Who is signed in: {user, roles}; user is null when nobody is. */
export function session() {
  return getJson('/api/session');
}

/** Signs in with Quarkus form authentication: the answer sets the session cookie; 401 for wrong credentials. */
export async function signIn(username, password) {
  const response = await fetch('/j_security_check', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ j_username: username, j_password: password }),
  });
  if (!response.ok) {
    throw new ApiError(response.status, response.status === 401 ? 'user name or password not accepted'
      : `${response.status} ${response.statusText}`);
  }
}

export function signOut() {
  return getJson('/api/session/sign-out', { method: 'POST' });
}

export function recentAlerts() {
  return getJson('/api/alerts/recent');
}
