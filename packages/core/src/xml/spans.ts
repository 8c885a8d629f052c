import type { Span } from '../model/finding.js';
import type { SourceText } from '../model/source-text.js';
import type { TagPositions } from './well-formed.js';

/**
 * Each parsed document's tag positions, as the well-formedness scan recorded them (parse.ts keeps them
 * here). Keyed by the document so that a span is asked for with nothing but an element, wherever the
 * element came from (the response, a decrypted assertion, --metadata), and no walk of the tree is spent
 * on annotating elements that no finding points at.
 */
const TAGS = new WeakMap<Document, TagPositions>();

export function keepTagPositions(document: Document, tags: TagPositions): void {
  TAGS.set(document, tags);
}

interface ElementTags {
  /** The `<` of the start tag. */
  start: number;
  /** Just past the start tag's `>`. */
  startTagEnd: number;
  /** The `<` of the end tag; `startTagEnd` for an empty-element tag. */
  endTagStart: number;
}

/**
 * Where the element's tags are: xmldom's locator gives the start tag's line and column, and the scan's
 * positions, searched by that offset, give the rest. An element of a document the parse did not build
 * (no positions) gets the one character at its start.
 */
function tagsOf(source: SourceText, element: Element): ElementTags {
  const offset = source.offsetOf(element.lineNumber ?? 1, element.columnNumber ?? 1);
  const tags = TAGS.get(element.ownerDocument);
  const index = tags ? firstAtOrAfter(tags.start, offset) : -1;
  if (!tags || tags.start[index] !== offset) return { start: offset, startTagEnd: offset + 1, endTagStart: offset + 1 };
  return { start: offset, startTagEnd: tags.startTagEnd[index] as number, endTagStart: tags.endTagStart[index] as number };
}

/** The index of the first value at or after `value` in an ascending list (its length when there is none). */
function firstAtOrAfter(ascending: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = ascending.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ascending[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The element's start tag. */
export function elementSpan(source: SourceText, element: Element): Span {
  const { start, startTagEnd } = tagsOf(source, element);
  return source.span(start, startTagEnd);
}

/** The value of an attribute (inside its quotes), or the start tag when the attribute is absent. */
export function attributeSpan(source: SourceText, element: Element, name: string): Span {
  const { start, startTagEnd } = tagsOf(source, element);
  const value = attributeValueAt(source.text, start, startTagEnd, name);
  return value ? source.span(value.start, value.end) : source.span(start, startTagEnd);
}

/**
 * Where the value of attribute `name` is in the start tag `[start, end)`, read attribute by attribute
 * (the scan accepted the tag: names, `=`, quoted values), so that text inside another value never
 * counts as an attribute.
 */
function attributeValueAt(text: string, start: number, end: number, name: string): { start: number; end: number } | undefined {
  let i = start + 1;
  while (i < end && !isSpace(text.charCodeAt(i)) && text[i] !== '>' && text[i] !== '/') i++; // the element's name
  for (;;) {
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < end && text[i] !== '=' && !isSpace(text.charCodeAt(i)) && text[i] !== '>' && text[i] !== '/') i++;
    if (i === nameStart) return undefined; // `>` or `/>`: no more attributes
    const nameEnd = i;
    while (text[i] !== '"' && text[i] !== "'") i++; // spaces, `=`, spaces
    const valueStart = i + 1;
    const valueEnd = text.indexOf(text[i] as string, valueStart);
    if (nameEnd - nameStart === name.length && text.startsWith(name, nameStart)) return { start: valueStart, end: valueEnd };
    i = valueEnd + 1;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** The element's content between its tags; for an empty element, its start tag. */
export function contentSpan(source: SourceText, element: Element): Span {
  const { start, startTagEnd, endTagStart } = tagsOf(source, element);
  if (endTagStart <= startTagEnd) return source.span(start, startTagEnd);
  return source.span(startTagEnd, endTagStart);
}
