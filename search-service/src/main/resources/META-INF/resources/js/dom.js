// DOM helpers. Everything that comes from a feed or the API goes into the page through these: as text nodes
// (textContent) or as attribute values (setAttribute), never as HTML.

/** A new element with an optional class and text (set with textContent, so markup in it is shown as text). */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/** Appends children (nodes or strings, as text) and returns the parent. Nulls are skipped. */
export function append(parent, ...children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** The URL if it is http(s), absolute; null otherwise (javascript:, data:, garbage). */
export function safeHref(url) {
  if (typeof url !== 'string' || !url) return null;
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link to an outside page that opens in a new tab without access to this one, or plain text if unsafe. */
export function externalLink(url, text, className) {
  const href = safeHref(url);
  if (!href) return el('span', className, text);
  const link = el('a', className, text);
  link.setAttribute('href', href);
  link.setAttribute('target', '_blank');
  link.setAttribute('rel', 'noopener noreferrer nofollow');
  return link;
}

/** Shortens text to at most max characters, on a word boundary when there is one. */
export function shorten(text, max) {
  const value = String(text ?? '').trim();
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut) + '…';
}
