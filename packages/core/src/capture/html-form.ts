// parse5: the WHATWG HTML parsing algorithm (the html5lib tests pass), so a saved page's form and its
// character references are read as the browser that posted it read them. Pure JavaScript, no I/O.
import { decodeHTMLAttribute } from 'entities/decode';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import type { InputRange } from '../model/capture.js';
import type { FormField } from './types.js';

type HtmlElement = DefaultTreeAdapterTypes.Element;
type HtmlNode = DefaultTreeAdapterTypes.Node;

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/**
 * After comments, an XML declaration and blanks: an HTML doctype, or an element that starts a saved page
 * or a fragment copied from the browser's developer tools (the form, or one of its inputs). A SAML
 * message's root is a namespaced `Response`, `Assertion` or `EntityDescriptor`, never one of these.
 */
const HTML_START = /<(?:!doctype\s+html[\s>]|(?:html|head|body|form|input|meta|title|script|noscript|div|link|style|base)[\s/>])/iy;

/** Whether the text from `from` is an HTML page or fragment rather than XML. */
export function looksLikeHtml(text: string, from: number): boolean {
  let i = from;
  for (;;) {
    while (i < text.length && /[\s\uFEFF]/.test(text[i] as string)) i++;
    // "Save page as" puts a `<!-- saved from url=… -->` mark before the doctype.
    const close = text.startsWith('<!--', i) ? '-->' : text.startsWith('<?', i) ? '?>' : undefined;
    if (!close) break;
    const end = text.indexOf(close, i + 2);
    if (end < 0) return false;
    i = end + close.length;
  }
  HTML_START.lastIndex = i;
  return HTML_START.test(text);
}

/**
 * An IdP's POST page has a few dozen tags. Past this many `<` the text is some other page: it is not
 * parsed, since parsing costs about a microsecond a tag and a hostile page could hold millions.
 */
export const MAX_HTML_TAGS = 10_000;

/** Whether the text has more than MAX_HTML_TAGS `<`: a cheap look before parsing. */
export function hasTooManyTags(text: string): boolean {
  let count = 0;
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) {
    if (++count > MAX_HTML_TAGS) return true;
  }
  return false;
}

export interface HtmlForm {
  /** How many `<form>` elements the page has. */
  forms: number;
  /**
   * The fields the browser would post from the form the page submits: the first (in document order)
   * with a `SAMLResponse` field, else the first with a `SAMLRequest`; inputs outside any form count as
   * one more form after the others (a fragment of inputs copied on their own). Absent when none has either.
   */
  fields?: FormField[];
}

/** Input types whose `value` a form posts only for the button that submitted it, or never (a `file` input posts a file). */
const NOT_POSTED = new Set(['submit', 'image', 'button', 'reset', 'file']);

/** Reads an HTML page or fragment: the fields of the form that carries the SAML message, with their places in `text`. */
export function readHtmlForm(text: string): HtmlForm {
  const document = parse(text, { sourceCodeLocationInfo: true });
  const forms: HtmlElement[] = [];
  const inputs: Array<{ input: HtmlElement; ancestor?: HtmlElement }> = [];
  // Iterative: a hostile page may nest elements deeper than the call stack goes.
  const stack: Array<{ node: HtmlNode; form?: HtmlElement }> = [{ node: document }];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { node } = entry;
    let form = entry.form;
    if ('tagName' in node && node.namespaceURI === HTML_NAMESPACE) {
      if (node.tagName === 'form') {
        forms.push(node);
        form = node;
      } else if (node.tagName === 'input') {
        inputs.push({ input: node, ancestor: form });
      }
    }
    const children = 'childNodes' in node ? node.childNodes : [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as HtmlNode, form });
  }
  const owners = new Map<HtmlElement | undefined, HtmlElement[]>([...forms, undefined].map((form) => [form, []]));
  for (const { input, ancestor } of inputs) {
    owners.get(formOwner(input, ancestor, forms))?.push(input);
  }
  const posted = [...owners.values()].map((group) => postedFields(text, group));
  const carrying = (name: string) => posted.find((fields) => fields.some((field) => field.name === name));
  const fields = carrying('SAMLResponse') ?? carrying('SAMLRequest');
  return fields ? { forms: forms.length, fields } : { forms: forms.length };
}

/** An input's form: the one its `form` attribute names by id (none when no form has that id), else the form it sits in. */
function formOwner(input: HtmlElement, ancestor: HtmlElement | undefined, forms: HtmlElement[]): HtmlElement | undefined {
  const id = attributeOf(input, 'form');
  if (id === undefined) return ancestor;
  return forms.find((form) => attributeOf(form, 'id') === id);
}

function attributeOf(element: HtmlElement, name: string): string | undefined {
  return element.attrs.find((attribute) => attribute.name === name)?.value;
}

/** The inputs a submitted form posts, in order: named, enabled, and not buttons or unchecked boxes. */
function postedFields(text: string, inputs: HtmlElement[]): FormField[] {
  const fields: FormField[] = [];
  for (const input of inputs) {
    const name = attributeOf(input, 'name');
    const type = (attributeOf(input, 'type') ?? 'text').toLowerCase();
    if (!name || attributeOf(input, 'disabled') !== undefined || NOT_POSTED.has(type)) continue;
    if ((type === 'checkbox' || type === 'radio') && attributeOf(input, 'checked') === undefined) continue;
    const location = input.sourceCodeLocation;
    const startTag = location?.startTag ?? { startOffset: 0, endOffset: 0 };
    const tag = { start: startTag.startOffset, end: startTag.endOffset };
    const value = attributeOf(input, 'value') ?? '';
    const nameRange = valueRange(text, location?.attrs?.name) ?? tag;
    const valueAt = valueRange(text, location?.attrs?.value);
    const field: FormField = { name, value, range: valueAt ?? tag, nameRange, position: fields.length + 1 };
    const place = valueAt && referenceMap(text, valueAt, value);
    if (place) field.place = place;
    fields.push(field);
  }
  return fields;
}

/** Where an attribute's value sits in the text, inside its quotes, from the location parse5 gives the whole attribute. */
function valueRange(text: string, attribute: { startOffset: number; endOffset: number } | undefined): InputRange | undefined {
  if (!attribute) return undefined;
  const { startOffset: start, endOffset: end } = attribute;
  const equals = text.indexOf('=', start);
  if (equals < 0 || equals >= end) return { start: end, end };
  let from = equals + 1;
  while (from < end && /\s/.test(text[from] as string)) from++;
  const quote = text[from];
  if ((quote === '"' || quote === "'") && end > from) return { start: from + 1, end: text[end - 1] === quote && end - 1 > from ? end - 1 : end };
  return { start: from, end };
}

/** What the HTML input stream or the attribute value state changes: a reference, a CR, a NUL. */
const SPECIAL = /[&\r\0]/g;

/** A value longer than this is not mapped character by character: findings point at the whole value (it is over AWS's size limit anyway). */
const MAX_MAPPED_VALUE = 1_000_000;

/** A character reference, or what HTML reads as the start of one; a name followed by `=` is kept whole, as attribute values keep it. */
const REFERENCE = /&(?:#[xX][0-9a-fA-F]*;?|#[0-9]*;?|[A-Za-z][A-Za-z0-9]*[;=]?)/y;

/**
 * Where each range of the decoded `value` sits in `text`: character for character outside character
 * references and line breaks, the whole reference for a character decoded from one (`&#x2b;` for `+`).
 * Undefined when decoding the references one by one does not give the value parse5 read, so that no
 * range can be misplaced: findings then point at the whole value.
 */
function referenceMap(text: string, range: InputRange, value: string): ((at: InputRange) => InputRange) | undefined {
  if (range.end - range.start > MAX_MAPPED_VALUE) return undefined;
  const raw = text.slice(range.start, range.end);
  if (raw === value) return ({ start, end }) => ({ start: range.start + start, end: range.start + end });
  // Each entry: a piece of the value that does not map one to one, and the source it came from.
  const pieces: Array<{ at: number; length: number; source: InputRange }> = [];
  let decoded = '';
  let i = 0;
  while (i < raw.length) {
    SPECIAL.lastIndex = i;
    const next = SPECIAL.exec(raw)?.index ?? raw.length;
    decoded += raw.slice(i, next);
    i = next;
    if (i >= raw.length) break;
    let piece: string;
    let length: number;
    if (raw[i] === '&') {
      REFERENCE.lastIndex = i;
      const reference = REFERENCE.exec(raw)?.[0] ?? '&';
      piece = decodeHTMLAttribute(reference);
      length = reference.length;
    } else {
      // The HTML input stream turns CR LF and a lone CR into LF, and NUL in an attribute value into U+FFFD.
      piece = raw[i] === '\0' ? '\uFFFD' : '\n';
      length = raw[i] === '\r' && raw[i + 1] === '\n' ? 2 : 1;
    }
    pieces.push({ at: decoded.length, length: piece.length, source: { start: range.start + i, end: range.start + i + length } });
    decoded += piece;
    i += length;
  }
  if (decoded !== value) return undefined;
  // The source of the value's character at `offset`: its piece's, or one character after the last piece before it.
  const extentOf = (offset: number): InputRange => {
    let low = 0;
    let high = pieces.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((pieces[middle] as (typeof pieces)[number]).at <= offset) low = middle + 1;
      else high = middle - 1;
    }
    const piece = pieces[high];
    if (piece && offset < piece.at + piece.length) return piece.source;
    const start = piece ? piece.source.end + (offset - piece.at - piece.length) : range.start + offset;
    return { start, end: start + 1 };
  };
  return ({ start, end }) => {
    const from = extentOf(start).start;
    return { start: from, end: end > start ? extentOf(end - 1).end : from };
  };
}
