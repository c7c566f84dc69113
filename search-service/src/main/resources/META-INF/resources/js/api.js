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

export function recentAlerts() {
  return getJson('/api/alerts/recent');
}
