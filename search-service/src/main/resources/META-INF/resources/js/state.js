// The page state lives in the URL, so a search can be shared as a link and the back button works.
// ?q=...&topic=...&place=...&org=...&source=...&lang=...&from=...&to=...&sort=newest&article=<id>

/** The filters of the search API, with the facet that lists their values. */
export const FILTERS = [
  { param: 'topic', facet: 'topics', label: 'Topics', all: true },
  { param: 'place', facet: 'places', label: 'Places', all: true },
  { param: 'org', facet: 'organisations', label: 'Organisations', all: true },
  { param: 'source', facet: 'sources', label: 'Sources', all: false },
  { param: 'lang', facet: 'languages', label: 'Languages', all: false },
];

export function emptyState() {
  const filters = {};
  for (const f of FILTERS) filters[f.param] = [];
  return { q: '', sort: '', from: '', to: '', article: '', filters };
}

/** The state held by a query string. */
export function readState(search) {
  const params = new URLSearchParams(search);
  const state = emptyState();
  state.q = params.get('q') || '';
  state.sort = params.get('sort') === 'newest' ? 'newest' : '';
  state.from = params.get('from') || '';
  state.to = params.get('to') || '';
  state.article = params.get('article') || '';
  for (const f of FILTERS) state.filters[f.param] = unique(params.getAll(f.param).filter(Boolean));
  return state;
}

/** The search parameters of a state (what /api/search takes), without the open article. */
export function searchParams(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const f of FILTERS) for (const value of state.filters[f.param]) params.append(f.param, value);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort) params.set('sort', state.sort);
  return params;
}

/** The page's query string for a state ('' for the empty state). */
export function queryString(state) {
  const params = searchParams(state);
  if (state.article) params.set('article', state.article);
  const text = params.toString();
  return text ? '?' + text : '';
}

export function withFilterToggled(state, param, value) {
  const next = structuredClone(state);
  const values = next.filters[param];
  next.filters[param] = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
  return next;
}

function unique(values) {
  return [...new Set(values)];
}
