// Rendering of search hits, facets and the article view. Feed text is set as text only (see dom.js, highlight.js).
import { append, el, externalLink, shorten } from './dom.js';
import { renderMarked } from './highlight.js';
import { absoluteTime, relativeTime } from './time.js';
import { FILTERS } from './state.js';

/** A <time> showing "3 minutes ago", the exact time as its tooltip; refreshed by refreshTimes(). */
export function timeElement(iso) {
  const node = el('time', 'rel', relativeTime(iso));
  if (iso) {
    node.setAttribute('datetime', iso);
    node.setAttribute('title', absoluteTime(iso));
  }
  return node;
}

export function refreshTimes(root) {
  for (const node of root.querySelectorAll('time.rel[datetime]')) node.textContent = relativeTime(node.getAttribute('datetime'));
}

/** A topic badge; its tooltip lists the words that made the classifier pick the topic. */
export function topicBadge(topic, onClick) {
  const badge = el('button', 'badge topic', topic.id);
  badge.type = 'button';
  const matched = (topic.matched || []).filter(Boolean);
  const score = typeof topic.score === 'number' ? ` (score ${topic.score.toFixed(2)})` : '';
  badge.setAttribute('title', (matched.length ? 'matched: ' + matched.join(', ') : 'no matched terms listed') + score);
  badge.dataset.topic = topic.id;
  if (onClick) badge.addEventListener('click', (event) => { event.stopPropagation(); onClick(topic.id); });
  return badge;
}

/** One search hit. actions: {open(id), filter(param, value)}. */
export function renderHit(hit, actions) {
  const item = el('li', 'hit');
  item.dataset.id = hit.id;
  const heading = el('h3', 'hit-title');
  const open = el('button', 'link');
  open.type = 'button';
  open.append(hit.highlight && typeof hit.highlight.title === 'string'
    ? renderMarked(hit.highlight.title) : document.createTextNode(hit.title || '(untitled)'));
  open.addEventListener('click', () => actions.open(hit.id));
  heading.append(open);

  const meta = el('div', 'meta');
  append(meta, el('span', 'source', hit.source || 'unknown source'), el('span', 'sep', '·'), timeElement(hit.published));
  if (hit.language) append(meta, el('span', 'sep', '·'), el('span', 'lang', hit.language.toUpperCase()));
  const places = (hit.places || []).slice(0, 3).map((p) => p.name).filter(Boolean);
  if (places.length) append(meta, el('span', 'sep', '·'), el('span', 'places', places.join(', ')));

  const snippet = el('p', 'snippet');
  const fragments = (hit.highlight && hit.highlight.fragments) || [];
  if (fragments.length) {
    fragments.forEach((fragment, i) => {
      if (i) snippet.append(el('span', 'gap', ' … '));
      snippet.append(renderMarked(fragment));
    });
  } else {
    snippet.textContent = shorten(hit.summary, 280);
  }

  const badges = el('div', 'badges');
  for (const topic of hit.topics || []) badges.append(topicBadge(topic, (id) => actions.filter('topic', id)));
  append(item, heading, meta, snippet.textContent ? snippet : null, badges.childNodes.length ? badges : null);
  return item;
}

/** The facet sidebar: for each filter, its values with counts; selected ones are pressed. */
export function renderFacets(container, facets, state, onToggle) {
  container.replaceChildren();
  for (const filter of FILTERS) {
    const values = (facets && facets[filter.facet]) || [];
    const selected = state.filters[filter.param];
    const shown = [...values];
    for (const value of selected) if (!shown.some((v) => v.value === value)) shown.push({ value, label: value, count: 0 });
    const section = el('section', 'facet');
    section.dataset.facet = filter.facet;
    section.append(el('h2', null, filter.label));
    if (!shown.length) {
      section.append(el('p', 'facet-empty', 'none'));
    } else {
      const list = el('ul');
      for (const value of shown) {
        const button = el('button', 'facet-value');
        button.type = 'button';
        button.dataset.value = value.value;
        const pressed = selected.includes(value.value);
        button.setAttribute('aria-pressed', String(pressed));
        button.setAttribute('title', (pressed ? 'Remove filter ' : (filter.all ? 'Only articles with ' : 'Articles from ')) + value.label);
        append(button, el('span', 'facet-label', value.label || value.value), el('span', 'count', value.count));
        button.addEventListener('click', () => onToggle(filter.param, value.value));
        list.append(append(el('li'), button));
      }
      section.append(list);
    }
    container.append(section);
  }
}

/** The article view: text, topics with matched terms, places, organisations and a list for similar stories. */
export function renderArticle(container, article, actions) {
  container.replaceChildren();
  const header = el('header', 'article-head');
  append(header, el('h2', 'article-title', article.title || '(untitled)'));
  const meta = el('div', 'meta');
  append(meta, el('span', 'source', article.source || 'unknown source'), el('span', 'sep', '·'), timeElement(article.published),
    el('span', 'abs', absoluteTime(article.published)));
  if (article.language) append(meta, el('span', 'sep', '·'), el('span', 'lang', article.language.toUpperCase()));
  header.append(meta);
  const link = externalLink(article.url, 'Open original ↗', 'original');
  if (link.tagName === 'A') header.append(link);
  container.append(header);

  const badges = el('div', 'badges');
  for (const topic of article.topics || []) {
    const wrap = el('div', 'topic-line');
    append(wrap, topicBadge(topic, (id) => actions.filter('topic', id)),
      el('span', 'matched', (topic.matched || []).length ? 'matched “' + topic.matched.join('”, “') + '”' : ''));
    badges.append(wrap);
  }
  if (badges.childNodes.length) container.append(badges);

  const facts = el('div', 'facts');
  facts.append(entityList('Places', 'places', article.places || [], (p) => {
    const extra = [p.country, p.lat != null && p.lon != null ? `${(+p.lat).toFixed(2)}, ${(+p.lon).toFixed(2)}` : null]
      .filter(Boolean).join(' · ');
    return [p.name || p.id, extra, () => actions.filter('place', p.id)];
  }));
  facts.append(entityList('Organisations', 'organisations', article.organisations || [],
    (o) => [o.name || o.id, null, () => actions.filter('org', o.id)]));
  container.append(facts);

  if (article.summary && article.summary !== article.text && !String(article.text || '').startsWith(article.summary)) {
    container.append(el('p', 'article-summary', article.summary));
  }
  container.append(el('div', 'article-text', article.text || article.summary || ''));
  const authors = (article.authors || []).filter(Boolean);
  if (authors.length) container.append(el('p', 'authors', 'By ' + authors.join(', ')));

  const similar = el('section', 'similar');
  append(similar, el('h3', null, 'Similar stories'), el('p', 'muted', 'Looking for similar stories…'));
  container.append(similar);
  return similar;
}

function entityList(title, className, items, describe) {
  const section = el('section', 'entities ' + className);
  section.append(el('h3', null, title));
  if (!items.length) {
    section.append(el('p', 'muted', 'none found'));
    return section;
  }
  const list = el('ul');
  for (const item of items) {
    const [name, extra, filter] = describe(item);
    const button = el('button', 'entity', name);
    button.type = 'button';
    button.setAttribute('title', 'Search articles mentioning ' + name);
    button.addEventListener('click', filter);
    const li = append(el('li'), button);
    if (item.count > 1) li.append(el('span', 'count', '×' + item.count));
    if (extra) li.append(el('span', 'muted', extra));
    list.append(li);
  }
  section.append(list);
  return section;
}

/** The list of similar stories under the article. */
export function renderSimilar(section, hits, open) {
  section.querySelector('p.muted')?.remove();
  if (!hits.length) {
    section.append(el('p', 'muted', 'No similar stories'));
    return;
  }
  const list = el('ul');
  for (const hit of hits) {
    const button = el('button', 'link', hit.title || '(untitled)');
    button.type = 'button';
    button.addEventListener('click', () => open(hit.id));
    list.append(append(el('li'), button, el('span', 'muted', ' ' + (hit.source || '') + ' · '), timeElement(hit.published)));
  }
  section.append(list);
}
