// Saved searches (/api/subscriptions) and the live alerts panel (EventSource on /api/alerts/stream).
import * as api from './api.js';
import { append, el } from './dom.js';
import { timeElement } from './results.js';

const MAX_ALERTS = 50;

/** Saved searches: list, create from the current search, delete, and apply one by clicking it. */
export class SavedSearches {
  constructor({ list, form, status, getState, apply }) {
    this.list = list;
    this.form = form;
    this.status = status;
    this.getState = getState;
    this.apply = apply;
    this.byId = new Map();
    this.user = null;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.create();
    });
  }

  /** Who is signed in (null: nobody): saved searches are a signed-in user's own. */
  setUser(user) {
    this.user = user;
    if (!user) {
      this.form.hidden = true;
      this.render([]);
    }
  }

  async load() {
    if (!this.user) {
      this.render([]);
      return;
    }
    try {
      const body = await api.listSubscriptions();
      const items = Array.isArray(body) ? body : (body && (body.subscriptions || body.items)) || [];
      this.render(items);
    } catch (error) {
      this.list.replaceChildren(el('li', 'muted', 'Saved searches unavailable: ' + error.message));
    }
  }

  render(items) {
    this.byId = new Map(items.map((s) => [s.id, s]));
    this.list.replaceChildren();
    if (!items.length) {
      if (this.user) this.list.append(el('li', 'muted empty', 'No saved searches yet. Search, then “Save search”.'));
      return;
    }
    for (const subscription of items) {
      const item = el('li', 'saved');
      item.dataset.id = subscription.id;
      const open = el('button', 'link saved-name', subscription.name || subscription.query || subscription.id);
      open.type = 'button';
      open.setAttribute('title', 'Run this search');
      open.addEventListener('click', () => this.apply(subscription));
      const remove = el('button', 'icon delete', '×');
      remove.type = 'button';
      remove.setAttribute('aria-label', 'Delete saved search ' + (subscription.name || subscription.id));
      remove.setAttribute('title', 'Delete');
      remove.addEventListener('click', () => this.remove(subscription.id));
      append(item, open, remove, el('div', 'saved-query', describe(subscription)));
      this.list.append(item);
    }
  }

  /** The name of a subscription for the alerts panel. */
  name(id) {
    const subscription = this.byId.get(id);
    return subscription ? subscription.name || subscription.query : id;
  }

  async create() {
    const state = this.getState();
    const name = this.form.elements.name.value.trim() || state.q || 'Saved search';
    const body = { name, query: state.q || '*', topics: state.filters.topic, places: state.filters.place };
    this.status.textContent = 'Saving…';
    try {
      await api.createSubscription(body);
      this.status.textContent = `Saved “${name}”. Alerts for new matching articles will appear below.`;
      this.form.elements.name.value = '';
      this.form.hidden = true;
      await this.load();
    } catch (error) {
      this.status.textContent = 'Could not save: ' + error.message;
    }
  }

  async remove(id) {
    try {
      await api.deleteSubscription(id);
      this.status.textContent = 'Deleted.';
    } catch (error) {
      this.status.textContent = 'Could not delete: ' + error.message;
    }
    await this.load();
  }
}

function describe(subscription) {
  const parts = [];
  if (subscription.query && subscription.query !== '*') parts.push(subscription.query);
  for (const key of ['topics', 'places']) {
    for (const value of [].concat(subscription[key] || [])) parts.push(`${key.slice(0, -1)}: ${value}`);
  }
  if (subscription.owner) parts.push('by ' + subscription.owner);
  return parts.join(' · ') || 'everything';
}

/**
 * The live alerts panel: one EventSource (sending the session cookie), reconnecting on its own; newest first.
 * Alerts are a signed-in user's own (their saved searches'), so the panel is off while nobody is signed in.
 */
export class AlertsPanel {
  constructor({ list, state, saved, open }) {
    this.list = list;
    this.state = state;
    this.saved = saved;
    this.open = open;
    this.count = 0;
  }

  /** Shows the alerts the service kept from before the page opened (oldest first, so the newest ends on top). */
  async loadRecent() {
    try {
      const recent = await api.recentAlerts();
      const list = Array.isArray(recent) ? recent : [];
      list.sort((a, b) => String(a.time || '').localeCompare(String(b.time || '')));
      for (const alert of list.slice(-MAX_ALERTS)) this.receive(JSON.stringify(alert), false);
    } catch {
      // the live stream still works; older alerts are a convenience
    }
  }

  /** Closes the stream and empties the panel, e.g. when the user signs out. */
  disconnect(text) {
    this.source?.close();
    this.source = null;
    this.list.replaceChildren(el('li', 'muted empty', 'Sign in to get the alerts of your saved searches.'));
    this.setState('off', text);
  }

  connect() {
    if (!('EventSource' in window)) {
      this.setState('off', 'not supported by this browser');
      return;
    }
    this.source?.close();
    const source = new EventSource('/api/alerts/stream');
    this.source = source;
    this.setState('connecting', 'connecting…');
    source.onopen = () => this.setState('live', 'live');
    source.onerror = () => this.setState('connecting', source.readyState === EventSource.CLOSED ? 'disconnected' : 'reconnecting…');
    const handle = (event) => this.receive(event.data);
    source.addEventListener('message', handle);
    source.addEventListener('alert', handle);
  }

  setState(kind, text) {
    this.state.dataset.state = kind;
    this.state.textContent = text;
  }

  receive(data, live = true) {
    let alert;
    try {
      alert = JSON.parse(data);
    } catch {
      return;
    }
    if (!alert || typeof alert !== 'object') return;
    this.list.querySelector('.empty')?.remove();
    const subscriptionId = alert.subscriptionId ?? alert.subscription;
    const articleId = alert.articleId ?? alert.article;
    const matched = [].concat(alert.matched ?? alert.matchedTerms ?? []).filter((t) => typeof t === 'string');
    const time = alert.time ?? alert.matchedAt ?? alert.createdAt ?? alert.published;

    const key = `${subscriptionId}\u0001${articleId}`;
    if ([...this.list.children].some((li) => li.dataset.key === key)) return;
    const item = el('li', live ? 'alert fresh' : 'alert');
    item.dataset.key = key;
    if (articleId) item.dataset.article = articleId;
    const title = el('button', 'link alert-title', alert.title || articleId || '(untitled)');
    title.type = 'button';
    if (articleId) title.addEventListener('click', () => this.open(articleId));
    const meta = el('div', 'meta');
    append(meta, el('span', 'alert-subscription', alert.subscriptionName || this.saved.name(subscriptionId) || 'saved search'));
    if (time) append(meta, el('span', 'sep', '·'), timeElement(time));
    append(item, meta, title, matched.length ? el('div', 'matched', 'matched: ' + matched.join(', ')) : null);
    this.list.prepend(item);
    setTimeout(() => item.classList.remove('fresh'), 4000);
    while (this.list.children.length > MAX_ALERTS) this.list.lastElementChild.remove();
    if (live) {
      this.count += 1;
      document.title = `(${this.count}) Newsroom Monitor`;
    }
  }
}
