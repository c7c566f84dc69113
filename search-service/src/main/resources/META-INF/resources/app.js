// Newsroom Monitor search UI. Article text comes from feeds and is untrusted: it is only ever put into the page
// with textContent / setAttribute, never as HTML, and links are only followed when they are http(s).
'use strict';

(function () {
  const form = document.getElementById('search-form');
  const results = document.getElementById('results');
  const status = document.getElementById('status');
  const fields = ['q', 'topic', 'from', 'to'];

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function safeHref(url) {
    try {
      const parsed = new URL(url, window.location.href);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function formatDate(iso) {
    if (!iso) return '';
    const date = new Date(iso);
    return isNaN(date.getTime()) ? String(iso) : date.toISOString().replace('T', ' ').replace(/:\d\d\.\d+Z$|:\d\dZ$/, ' UTC');
  }

  function renderHit(hit) {
    const item = el('li', 'hit');
    const heading = el('h2');
    const href = safeHref(hit.url);
    const title = href ? el('a', null, hit.title || hit.url) : el('span', null, hit.title || '(untitled)');
    if (href) {
      title.setAttribute('href', href);
      title.setAttribute('rel', 'noopener noreferrer');
      title.setAttribute('target', '_blank');
    }
    heading.appendChild(title);
    item.appendChild(heading);

    const meta = el('p', 'meta');
    meta.appendChild(el('span', 'source', hit.source || 'unknown source'));
    meta.appendChild(document.createTextNode(' · '));
    const time = el('time', 'published', formatDate(hit.published));
    if (hit.published) time.setAttribute('datetime', hit.published);
    meta.appendChild(time);
    item.appendChild(meta);

    if (hit.summary) item.appendChild(el('p', 'summary', hit.summary));

    const topics = el('ul', 'topics');
    (hit.topics || []).forEach(function (topic) {
      const badge = el('li', 'topic', topic.id);
      const matched = (topic.matched || []).join(', ');
      const score = typeof topic.score === 'number' ? ' (score ' + topic.score.toFixed(2) + ')' : '';
      badge.setAttribute('title', (matched ? 'matched: ' + matched : 'no matched terms') + score);
      badge.addEventListener('click', function () {
        document.getElementById('topic').value = topic.id;
        search();
      });
      topics.appendChild(badge);
    });
    if (topics.childNodes.length) item.appendChild(topics);
    return item;
  }

  function currentParams() {
    const params = new URLSearchParams();
    fields.forEach(function (name) {
      const value = document.getElementById(name).value.trim();
      if (value) params.set(name, value);
    });
    return params;
  }

  async function search() {
    const params = currentParams();
    history.replaceState(null, '', params.toString() ? '?' + params : window.location.pathname);
    status.textContent = 'Searching…';
    results.replaceChildren();
    try {
      const response = await fetch('/api/search?' + params, { headers: { Accept: 'application/json' } });
      const body = await response.json().catch(function () { return {}; });
      if (!response.ok) {
        status.textContent = 'Error: ' + (body.error || response.status);
        return;
      }
      status.textContent = body.total === 1 ? '1 article' : body.total + ' articles';
      body.hits.forEach(function (hit) { results.appendChild(renderHit(hit)); });
    } catch (e) {
      status.textContent = 'Search is unavailable: ' + e.message;
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    search();
  });

  const initial = new URLSearchParams(window.location.search);
  fields.forEach(function (name) {
    if (initial.has(name)) document.getElementById(name).value = initial.get(name);
  });
  search();
})();
