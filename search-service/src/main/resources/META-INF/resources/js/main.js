// Newsroom Monitor: the search page. State lives in the URL (see state.js); the API is described at /q/swagger-ui.
import * as api from './api.js';
import { append, el } from './dom.js';
import { refreshTimes, renderArticle, renderFacets, renderHit, renderSimilar } from './results.js';
import { FILTERS, queryString, readState, searchParams, withFilterToggled } from './state.js';
import { formatBound, isoInstant } from './time.js';
import { drawTimeline } from './timeline.js';
import { AlertsPanel, SavedSearches } from './watch.js';

const $ = (id) => document.getElementById(id);
const ui = {
  form: $('search-form'), q: $('q'), sort: $('sort'), status: $('status'), results: $('results'), more: $('more'),
  facets: $('facets'), timeline: $('timeline-chart'), range: $('range-label'), rangeClear: $('range-clear'),
  chips: $('active-filters'), syntaxToggle: $('syntax-toggle'), syntax: $('syntax-help'),
  saveToggle: $('save-toggle'), saveForm: $('save-form'), saveStatus: $('save-status'), savedList: $('saved-list'),
  alertsList: $('alerts-list'), alertsState: $('alerts-state'), savedSignedOut: $('saved-signed-out'),
  signedInAs: $('signed-in-as'), signInToggle: $('sign-in-toggle'), signOut: $('sign-out'),
  signInForm: $('sign-in-form'), signInStatus: $('sign-in-status'),
  view: $('article-view'), viewBody: $('article-body'), viewClose: $('article-close'),
};

let state = readState(location.search);
let lastSearchKey = null;
let cursor = null;
let histogram = null;
let searchSeq = 0;

/** Moves to a new state: records it in the URL (a new history entry) and renders what changed. */
function go(next, { replace = false } = {}) {
  state = next;
  const url = location.pathname + queryString(state);
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  render();
}

function render() {
  ui.q.value = state.q;
  ui.sort.value = state.sort;
  const key = searchParams(state).toString();
  if (key !== lastSearchKey) {
    lastSearchKey = key;
    runSearch();
  }
  renderChips();
  renderArticleView();
}

async function runSearch() {
  const seq = ++searchSeq;
  document.body.classList.add('loading');
  ui.status.textContent = 'Searching…';
  ui.status.classList.remove('error');
  try {
    const body = await api.search(searchParams(state));
    if (seq !== searchSeq) return;
    cursor = body.cursor;
    histogram = body.histogram;
    ui.status.textContent = body.total === 1 ? '1 article' : `${body.total.toLocaleString('en')} articles`;
    ui.status.dataset.total = body.total;
    ui.results.replaceChildren(...body.hits.map((hit) => renderHit(hit, actions)));
    if (!body.hits.length) ui.results.append(el('li', 'no-hits', 'Nothing matches. Remove a filter or widen the dates.'));
    ui.more.hidden = !cursor;
    renderFacets(ui.facets, body.facets, state, actions.toggle);
    renderChips();
    drawTimeline(ui.timeline, histogram, onBrush);
  } catch (error) {
    if (seq !== searchSeq) return;
    ui.status.textContent = error.status === 400 ? 'Cannot search for that: ' + error.message : 'Search failed: ' + error.message;
    ui.status.classList.add('error');
    ui.results.replaceChildren();
    ui.more.hidden = true;
  } finally {
    if (seq === searchSeq) document.body.classList.remove('loading');
  }
}

async function loadMore() {
  if (!cursor) return;
  ui.more.disabled = true;
  const seq = searchSeq;
  try {
    const body = await api.search(searchParams(state), cursor);
    if (seq !== searchSeq) return;
    cursor = body.cursor;
    ui.results.append(...body.hits.map((hit) => renderHit(hit, actions)));
    ui.more.hidden = !cursor;
  } catch (error) {
    ui.status.textContent = 'Could not load more: ' + error.message;
  } finally {
    ui.more.disabled = false;
  }
}

function onBrush(from, to) {
  go({ ...state, from: isoInstant(from), to: isoInstant(to), article: '' });
}

/** The active filters as removable chips, and the date range label. */
function renderChips() {
  ui.chips.replaceChildren();
  for (const filter of FILTERS) {
    for (const value of state.filters[filter.param]) {
      const chip = el('button', 'chip');
      chip.type = 'button';
      chip.dataset.param = filter.param;
      chip.setAttribute('title', 'Remove this filter');
      append(chip, el('span', 'chip-kind', filter.label.replace(/s$/, '')), ' ', el('span', null, labelOf(filter, value)), el('span', 'x', ' ×'));
      chip.addEventListener('click', () => go(withFilterToggled(state, filter.param, value)));
      ui.chips.append(chip);
    }
  }
  const hasRange = Boolean(state.from || state.to);
  ui.range.textContent = hasRange ? `${state.from ? formatBound(Date.parse(state.from)) : '…'} – ${state.to ? formatBound(Date.parse(state.to)) : '…'}` : 'all dates · drag across the chart to narrow';
  ui.rangeClear.hidden = !hasRange;
}

function labelOf(filter, value) {
  const button = ui.facets.querySelector(`section[data-facet="${filter.facet}"] button[data-value="${CSS.escape(value)}"] .facet-label`);
  return button ? button.textContent : value;
}

let articleShown = null;
async function renderArticleView() {
  if (!state.article) {
    ui.view.hidden = true;
    articleShown = null;
    document.body.classList.remove('viewing');
    return;
  }
  if (articleShown === state.article) return;
  const id = state.article;
  articleShown = id;
  ui.view.hidden = false;
  document.body.classList.add('viewing');
  ui.viewBody.replaceChildren(el('p', 'muted', 'Loading…'));
  try {
    const article = await api.article(id);
    if (articleShown !== id) return;
    const similar = renderArticle(ui.viewBody, article, actions);
    ui.viewClose.focus();
    try {
      const body = await api.similar(id);
      if (articleShown === id) renderSimilar(similar, body.hits || [], actions.open);
    } catch (error) {
      similar.querySelector('p.muted').textContent = 'Similar stories unavailable: ' + error.message;
    }
  } catch (error) {
    if (articleShown === id) ui.viewBody.replaceChildren(el('p', 'error', 'Could not load the article: ' + error.message));
  }
}

const actions = {
  open: (id) => go({ ...state, article: id }),
  filter: (param, value) => {
    const next = state.filters[param].includes(value) ? state : withFilterToggled(state, param, value);
    go({ ...next, article: '' });
  },
  toggle: (param, value) => go(withFilterToggled(state, param, value)),
};

function closeArticle() {
  if (state.article) go({ ...state, article: '' });
}

// --- wiring ---------------------------------------------------------------------------------------------------
ui.form.addEventListener('submit', (event) => {
  event.preventDefault();
  go({ ...state, q: ui.q.value.trim(), sort: ui.sort.value, article: '' });
});
ui.sort.addEventListener('change', () => go({ ...state, sort: ui.sort.value }));
ui.more.addEventListener('click', loadMore);
ui.rangeClear.addEventListener('click', () => go({ ...state, from: '', to: '' }));
ui.syntaxToggle.addEventListener('click', () => {
  ui.syntax.hidden = !ui.syntax.hidden;
  ui.syntaxToggle.setAttribute('aria-expanded', String(!ui.syntax.hidden));
});
for (const example of ui.syntax.querySelectorAll('code[data-example]')) {
  example.addEventListener('click', () => go({ ...state, q: example.textContent, article: '' }));
}
ui.saveToggle.addEventListener('click', () => {
  if (!saved.user) {
    showSignIn('Sign in to save a search.');
    return;
  }
  ui.saveForm.hidden = !ui.saveForm.hidden;
  if (!ui.saveForm.hidden) {
    ui.saveForm.elements.name.value = state.q && state.q !== '*' ? state.q : '';
    ui.saveForm.elements.name.focus();
  }
});
ui.viewClose.addEventListener('click', closeArticle);
ui.view.addEventListener('click', (event) => { if (event.target === ui.view) closeArticle(); });
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') closeArticle();
  if (event.key === '/' && document.activeElement === document.body) {
    event.preventDefault();
    ui.q.focus();
  }
});
window.addEventListener('popstate', () => {
  state = readState(location.search);
  render();
});
let resizeTimer;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => drawTimeline(ui.timeline, histogram, onBrush), 150);
});
setInterval(() => refreshTimes(document), 30000);

const saved = new SavedSearches({
  list: ui.savedList, form: ui.saveForm, status: ui.saveStatus, getState: () => state,
  apply: (subscription) => {
    const next = readState('');
    next.q = subscription.query && subscription.query !== '*' ? subscription.query : '';
    next.filters.topic = [].concat(subscription.topics || []);
    next.filters.place = [].concat(subscription.places || []);
    go(next);
  },
});
const alerts = new AlertsPanel({ list: ui.alertsList, state: ui.alertsState, saved, open: actions.open });

/** Shows who is signed in, and the saved searches of that user (none when signed out). */
async function setUser(user) {
  document.body.dataset.user = user || '';
  ui.signedInAs.hidden = !user;
  ui.signedInAs.textContent = user ? 'Signed in as ' + user : '';
  ui.signInToggle.hidden = Boolean(user);
  ui.signOut.hidden = !user;
  ui.savedSignedOut.hidden = Boolean(user);
  if (user) ui.signInForm.hidden = true;
  saved.setUser(user);
  await saved.load();
  // alerts are the signed-in user's own: the panel follows who is signed in
  if (user) {
    alerts.connect();
    await alerts.loadRecent();
  } else {
    alerts.disconnect('signed out');
  }
}

function showSignIn(message = '') {
  ui.signInForm.hidden = false;
  ui.signInStatus.textContent = message;
  ui.signInForm.elements.username.focus();
}

ui.signInToggle.addEventListener('click', () => {
  if (ui.signInForm.hidden) showSignIn();
  else ui.signInForm.hidden = true;
});
ui.signInForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  ui.signInStatus.textContent = 'Signing in…';
  try {
    await api.signIn(ui.signInForm.elements.username.value.trim(), ui.signInForm.elements.password.value);
    ui.signInForm.elements.password.value = '';
    ui.signInStatus.textContent = '';
    const session = await api.session();
    await setUser(session.user);
  } catch (error) {
    ui.signInStatus.textContent = 'Could not sign in: ' + error.message;
  }
});
ui.signOut.addEventListener('click', async () => {
  try {
    await api.signOut();
  } finally {
    ui.saveStatus.textContent = '';
    await setUser(null);
  }
});

render();
api.session().catch(() => ({ user: null })).then((session) => setUser(session.user));
document.body.dataset.ready = 'true';
