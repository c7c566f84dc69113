// Highlighted text from the search API: HTML-escaped text in which the only tags are <mark> and </mark>.
// We never hand it to the HTML parser. It is split on those two literal tags, the entities of the pieces are
// decoded, and every piece becomes a text node (inside a <mark> element we create when it was marked), so any
// other markup in it, escaped or not, can only ever be shown as text.
import { el } from './dom.js';

const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const ENTITY = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos|nbsp));/g;

/** Decodes the character references an HTML escaper produces; anything else is left as it is. */
export function decodeEntities(text) {
  return String(text).replace(ENTITY, (match, hex, dec, name) => {
    if (name) return NAMED[name];
    const code = hex ? parseInt(hex, 16) : parseInt(dec, 10);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : '\ufffd';
  });
}

/** Splits escaped, marked text into [{text, mark}] pieces of plain text. */
export function markedSegments(escaped) {
  const segments = [];
  let marked = false;
  for (const part of String(escaped ?? '').split(/(<\/?mark>)/)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) segments.push({ text: decodeEntities(part), mark: marked });
  }
  return segments;
}

/** A fragment of text nodes and <mark> elements for escaped, marked text. */
export function renderMarked(escaped) {
  const fragment = document.createDocumentFragment();
  for (const { text, mark } of markedSegments(escaped)) {
    fragment.append(mark ? el('mark', null, text) : document.createTextNode(text));
  }
  return fragment;
}
