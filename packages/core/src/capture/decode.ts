import { inflateRawSync } from 'node:zlib';
import type { Capture, CaptureProblem, InputRange } from '../model/capture.js';
import { SourceText } from '../model/source-text.js';
import type { ParsedXml, XmlProblem } from '../model/xml.js';
import { XML_LIMITS, parseXml } from '../xml/parse.js';
import { checkWellFormed } from '../xml/well-formed.js';
import { MAX_HTML_TAGS, hasTooManyTags, looksLikeHtml, readHtmlForm } from './html-form.js';
import type { FormField } from './types.js';

/** AWS's limit on the base64 SAMLResponse (facts AWS-SIZE-001: STS-API model, IAM-QUOTA). */
export const AWS_MAX_SAML_RESPONSE_LENGTH = 100_000;
/** samlint's own bound: beyond this we do not decode at all, so time and memory stay bounded. */
export const MAX_INPUT_LENGTH = 20_000_000;
/**
 * A Redirect-binding deflate is inflated at most to this size. AWS takes 100,000 base64 characters
 * (about 75 KB of XML), so anything that inflates past 128 KB is a bomb, not a response.
 */
export const MAX_INFLATED_LENGTH = 128 * 1024;

/** The fields whose repetition is reported. */
export const REPEATABLE_FIELDS = ['SAMLResponse', 'RelayState'] as const;

/** The smallest SAML Response is a few hundred bytes; shorter base64-looking text is something else. */
const MIN_PLAUSIBLE_BASE64 = 64;
const BASE64_ALPHABET = /^[A-Za-z0-9+/]*={0,2}$/;
const FORM_FIELD = /(?:^|[&?\s])(SAMLResponse|SAMLRequest|RelayState)(=|%3D)/i;

/**
 * Sniff what the user pasted and decode it to XML: raw XML, a base64 SAMLResponse (with line breaks,
 * quotes or whitespace), a form body `SAMLResponse=…&RelayState=…` (also URL-encoded twice), or the
 * IdP's HTML page that posts it (saved, or its form copied from the browser's developer tools).
 */
export function decodeCapture(text: string): Capture {
  const input = new SourceText(text);
  const problems: CaptureProblem[] = [];
  const capture: Capture = { input, detected: 'unknown', description: 'nothing recognisable', problems };
  if (text.length > MAX_INPUT_LENGTH) {
    problems.push({ kind: 'input-too-large', length: text.length, limit: MAX_INPUT_LENGTH });
    return capture;
  }
  const content = trimmedRange(text, 0, text.length);
  if (content.start === content.end) {
    problems.push({ kind: 'empty' });
    return capture;
  }
  if (text[content.start] === '<' && looksLikeHtml(text, content.start)) {
    capture.detected = 'html';
    decodeHtmlPage(text, content, capture);
    return capture;
  }
  if (text[content.start] === '<') {
    capture.detected = 'xml';
    capture.description = 'raw XML';
    capture.xml = text.slice(content.start);
    return capture;
  }
  if (text[content.start] === '{') {
    // A HAR file, a SAML-tracer export or an IAM policy: the engine reads it as JSON.
    capture.detected = 'json';
    capture.description = 'JSON document';
    return capture;
  }
  if (FORM_FIELD.test(text.slice(content.start, content.end))) {
    capture.detected = 'form-body';
    decodeFormBody(text, content, capture);
    return capture;
  }
  capture.detected = 'base64';
  capture.description = 'base64 SAMLResponse';
  decodeBase64Value(text, content, capture);
  return capture;
}

function decodeFormBody(text: string, content: InputRange, capture: Capture): void {
  const body = text.slice(content.start, content.end);
  const notes: string[] = [];
  // A whole body encoded twice has its separators escaped: `SAMLResponse%3D…%26RelayState%3D…`.
  const twice =
    !/(?:^|[&?\s])(?:SAMLResponse|SAMLRequest|RelayState)=/i.test(body) && /(?:SAMLResponse|SAMLRequest|RelayState)%3D/i.test(body);
  if (twice) {
    capture.problems.push({ kind: 'double-url-encoded', range: content, what: 'body' });
    notes.push('URL-encoded twice');
  }
  const fields = parseFormFields(body, content.start, twice);
  decodeFields(fields, content, capture, 'form body', notes);
}

/** The form the page posts, decoded as the browser would post it: its character references decoded, nothing URL-encoded. */
function decodeHtmlPage(text: string, content: InputRange, capture: Capture): void {
  if (hasTooManyTags(text)) {
    capture.description = 'HTML page';
    capture.problems.push({ kind: 'page-too-large', range: content, limit: MAX_HTML_TAGS });
    return;
  }
  const page = readHtmlForm(text);
  if (!page.fields) {
    capture.description = 'HTML page without a SAMLResponse field';
    capture.problems.push({ kind: 'no-saml-response-field', range: content, forms: page.forms });
    return;
  }
  decodeFields(page.fields, content, capture, 'HTML form', []);
}

/** The SAMLResponse (or SAMLRequest) and RelayState among the fields a form posts, decoded; `notes` go on the detected line. */
function decodeFields(fields: FormField[], content: InputRange, capture: Capture, what: string, notes: string[]): void {
  const response = fields.find((f) => f.name === 'SAMLResponse');
  const request = fields.find((f) => f.name === 'SAMLRequest');
  const relay = fields.find((f) => f.name === 'RelayState');
  for (const name of REPEATABLE_FIELDS) {
    const all = fields.filter((f) => f.name === name);
    if (all.length < 2) continue;
    capture.problems.push({
      kind: 'parameter-repeated',
      range: (all[1] as FormField).nameRange,
      field: name,
      ranges: all.map((f) => f.nameRange),
      positions: all.map((f) => f.position),
      identical: all.every((f) => f.value === (all[0] as FormField).value),
    });
  }
  if (relay) capture.relayState = { value: relay.value, range: relay.range };
  const carried = [response ? 'SAMLResponse' : request ? 'SAMLRequest' : 'no SAMLResponse', relay ? 'RelayState' : '']
    .filter(Boolean)
    .join(' and ');
  capture.description = `${what} with ${carried}${notes.length ? ` (${notes.join(', ')})` : ''}`;
  const field = response ?? request;
  if (!field) {
    capture.problems.push({ kind: 'no-saml-response-field', range: content });
    return;
  }
  if (!response && request) capture.problems.push({ kind: 'saml-request', range: request.range });
  let value = field.value;
  let place = field.place ?? (() => field.range);
  // Base64 never contains `%`; a value that still carries escapes after one decoding was encoded twice.
  if (/%(?:2B|2F|3D)/i.test(value)) {
    if (!notes.length) capture.problems.push({ kind: 'double-url-encoded', range: field.range, what: 'value' });
    value = safeDecodeURIComponent(value);
    place = () => field.range;
  }
  decodeBase64Value(value, { start: 0, end: value.length }, capture, place);
}


/**
 * Splits `a=b&c=d` and decodes each value as a form does. A `+` in a form value is a space, and base64
 * has no spaces, so spaces are turned back into `+`: that undoes a SAMLResponse pasted without `%2B`.
 * A body encoded `twice` is split at its escaped separators (`%26`, `%3D`) and each piece decoded once
 * more first, so every range still points into the input.
 */
function parseFormFields(body: string, base: number, twice: boolean): FormField[] {
  const fields: FormField[] = [];
  const separator = twice ? /&|%26/gi : /&/g;
  const assignment = twice ? /=|%3D/i : /=/;
  const decodeOnce = (piece: string) => (twice ? safeDecodeURIComponent(piece) : piece);
  let partStart = 0;
  let position = 0;
  const parts: Array<{ part: string; start: number }> = [];
  for (let m = separator.exec(body); m; m = separator.exec(body)) {
    parts.push({ part: body.slice(partStart, m.index), start: partStart });
    partStart = m.index + m[0].length;
  }
  parts.push({ part: body.slice(partStart), start: partStart });
  for (const { part, start } of parts) {
    if (part.trim()) position++;
    const eq = assignment.exec(part);
    if (!eq) continue;
    const rawName = part.slice(0, eq.index);
    const leading = rawName.length - rawName.trimStart().length + (/^\s*\?/.test(rawName) ? 1 : 0);
    const nameText = rawName.trim().replace(/^[?]/, '');
    const name = safeDecodeURIComponent(decodeOnce(nameText));
    const raw = part.slice(eq.index + eq[0].length).trim();
    const value = safeDecodeURIComponent(decodeOnce(raw).replace(/\+/g, ' '));
    const range = { start: base + start + eq.index + eq[0].length, end: base + start + part.length };
    const nameStart = base + start + leading;
    fields.push({
      name,
      value: name === 'RelayState' ? value : value.replace(/ /g, '+'),
      range,
      nameRange: { start: nameStart, end: nameStart + nameText.length },
      position,
    });
  }
  return fields;
}

function safeDecodeURIComponent(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Decodes one base64 value. `range` is where the value sits in `source`; `place` (when the value was
 * itself decoded from a form field) says where a range of `source` sits in the user's input.
 */
function decodeBase64Value(
  source: string,
  range: InputRange,
  capture: Capture,
  place: (range: InputRange) => InputRange = (same) => same,
): void {
  const notes: string[] = [];
  const at = (start: number, end: number): InputRange => place({ start, end });
  const whole = at(range.start, range.end);
  capture.value = whole;
  const value = source.slice(range.start, range.end);
  // A value pasted as it was posted is bare base64: one match of the alphabet settles it. Otherwise
  // whitespace, quotes and `\n` escapes (from a JSON or log line) go in one replace, not a string built
  // a character at a time: that cost a 1 MB response more than parsing it (its garbage, mostly).
  const bare = BASE64_ALPHABET.test(value);
  let cleaned = bare ? value : value.replace(/[\s"'`]|\\n/g, '');
  const ignored = value.length - cleaned.length;
  if (ignored) notes.push(`${ignored} whitespace, quote or escape characters ignored`);
  // Base64 has no `%`: a quick search for one first spares the escape pattern a pass over every value.
  if (!bare && cleaned.includes('%') && /%(?:2B|2F|3D)/i.test(cleaned)) {
    // A value pasted on its own, escaped, is the form field as the browser posted it: encoded once,
    // which AWS decodes. Only a value taken from a decoded form body or a capture was encoded twice.
    if (capture.detected === 'base64') notes.push('URL-encoded, as in a form body');
    else capture.problems.push({ kind: 'double-url-encoded', range: whole, what: 'value' });
    // The escapes may hide the line breaks an IdP wraps its base64 with (`%0D%0A` every 76 characters,
    // as SSOCircle sends: SAML Bindings §3.5.4 allows them), which base64 ignores once decoded.
    cleaned = safeDecodeURIComponent(cleaned).replace(/\s/g, '');
  }
  capture.base64Length = cleaned.length;
  if (!bare && !BASE64_ALPHABET.test(cleaned)) {
    const bad = firstNonBase64(source, range);
    if (bad < 0 || cleaned.length < 16) {
      capture.problems.push({ kind: 'unrecognized', range: whole });
    } else {
      capture.problems.push({
        kind: 'invalid-base64',
        range: at(bad, bad + 1),
        character: source[bad] as string,
      });
    }
    return;
  }
  if (cleaned.length > AWS_MAX_SAML_RESPONSE_LENGTH) {
    capture.problems.push({
      kind: 'response-too-large',
      range: whole,
      length: cleaned.length,
      limit: AWS_MAX_SAML_RESPONSE_LENGTH,
    });
  } else if (cleaned.length < 4) {
    capture.problems.push({ kind: 'response-too-small', range: whole, length: cleaned.length });
    return;
  }
  // Missing `=` padding alone is no truncation (RFC 4648 §3.2 lets a specification omit it; decoders
  // such as Java's and Node's accept it): a length of 4k+2 or 4k+3 is whole bytes. Only a length no byte
  // string encodes to (4k+1, or padding on a length that is not a multiple of 4) is missing characters
  // by itself; otherwise the decoded document decides.
  const padded = cleaned.endsWith('=');
  const lengthTruncated = padded ? cleaned.length % 4 !== 0 : cleaned.length % 4 === 1;
  const unpadded = !padded && cleaned.length % 4 !== 0 && !lengthTruncated;
  const bytes = Buffer.from(cleaned, 'base64');
  if (notes.length && capture.detected === 'base64') capture.description += ` (${notes.join(', ')})`;
  const xml = bytesToXml(bytes, capture, whole);
  if (xml === undefined && cleaned.length < MIN_PLAUSIBLE_BASE64) {
    // Words that happen to use only base64 letters ("hello world") are not a damaged response.
    capture.problems = capture.problems.filter((p) => p.kind !== 'not-xml' && p.kind !== 'not-utf8');
    capture.problems.push({ kind: 'unrecognized', range: whole });
    return;
  }
  if (xml === undefined) {
    if (lengthTruncated) capture.problems.push({ kind: 'truncated', range: whole, length: cleaned.length, why: 'length', padded });
    return;
  }
  capture.xml = xml;
  const parsed = parseXml(xml);
  capture.parsed = parsed;
  const roots = rootsOf(xml, parsed);
  if (roots.count > 1 && roots.firstEnd !== undefined) {
    capture.xml = xml.slice(0, roots.firstEnd);
    capture.parsed = parseXml(capture.xml);
    capture.problems.push({ kind: 'responses-back-to-back', range: whole, count: roots.count, name: roots.name });
  }
  // A cut value loses the end of its last root.
  if (lengthTruncated || !roots.lastClosed) {
    capture.problems.push({
      kind: 'truncated',
      range: whole,
      length: cleaned.length,
      why: lengthTruncated ? 'length' : 'xml-incomplete',
      padded,
    });
  } else if (unpadded) {
    capture.description += capture.detected === 'base64' ? ' (no `=` padding)' : ' (SAMLResponse without `=` padding)';
  }
}

/**
 * The decoded document's root elements, as the parse's well-formedness scan read them (never searched
 * for in the text, where a nested element of the same name, a comment or CDATA would fool a search):
 * where the first ends, how many `Response` roots stand one after the other (seen in an Entra ID
 * capture: only comments, processing instructions, a second XML declaration and whitespace between
 * them), and whether the last is closed. A value cut short ends in the middle of its last root: the scan
 * runs out of text. The scan sees nothing past an error; a root it left open there is closed when the
 * text ends with the root's end tag.
 */
function rootsOf(xml: string, parsed: ParsedXml): { firstEnd?: number; count: number; name: string; lastClosed: boolean } {
  const root = parsed.rootTag;
  const firstEnd = root?.end;
  if (!root || firstEnd === undefined) {
    const lastClosed = !ranOutOfText(parsed.problems) && (!root || endsWithEndTag(xml, root.name));
    return { count: 1, name: root?.name ?? '', lastClosed };
  }
  let end = firstEnd;
  let count = 1;
  let lastClosed = true;
  const repeatable = root.name.slice(root.name.indexOf(':') + 1) === 'Response';
  while (repeatable) {
    const next = skipMisc(xml, end);
    if (next === undefined || !startsElement(xml, next, root.name)) break;
    count++;
    // Each further root is a document of its own (its own namespace declarations): scanned alone, it ends
    // where its own root does, or at the next root.
    const scan = checkWellFormed(new SourceText(xml.slice(next)), XML_LIMITS);
    if (scan.root?.end === undefined) {
      lastClosed = !scan.error?.endOfText && endsWithEndTag(xml, root.name);
      break;
    }
    end = next + scan.root.end;
  }
  return { firstEnd, count, name: root.name, lastClosed };
}

/** Whether the XML ended before the document did: the scan ran out of text in the middle of it. */
function ranOutOfText(problems: readonly XmlProblem[]): boolean {
  return problems.some((problem) => problem.kind === 'not-well-formed' && problem.endOfText === true);
}

/** Whether the text's last tag is an end tag `</name>` (the root's, when the root is `name`). */
function endsWithEndTag(xml: string, name: string): boolean {
  const end = xml.trimEnd();
  if (!end.endsWith('>')) return false;
  const tag = end.lastIndexOf('</');
  return tag >= 0 && end.slice(tag + 2, end.length - 1).trimEnd() === name;
}

function startsElement(xml: string, at: number, name: string): boolean {
  return xml.startsWith(`<${name}`, at) && /[\s/>]/.test(xml[at + name.length + 1] ?? '');
}

/** Past whitespace, comments, processing instructions and declarations from `i`; undefined when one is not closed. */
function skipMisc(xml: string, from: number): number | undefined {
  let i = from;
  for (;;) {
    while (i < xml.length && /[\s\uFEFF]/.test(xml[i] as string)) i++;
    const close = xml.startsWith('<?', i) ? '?>' : xml.startsWith('<!--', i) ? '-->' : xml.startsWith('<!', i) ? '>' : undefined;
    if (!close) return i;
    const end = xml.indexOf(close, i + 2);
    if (end < 0) return undefined;
    i = end + close.length;
  }
}

function firstNonBase64(source: string, range: InputRange): number {
  for (let i = range.start; i < range.end; i++) {
    const ch = source[i] as string;
    if (/[A-Za-z0-9+/=\s"'`]/.test(ch)) continue;
    if (ch === '\\' && source[i + 1] === 'n') {
      i++;
      continue;
    }
    if (ch === '%' && /^%(?:2B|2F|3D)/i.test(source.slice(i, i + 3))) {
      i += 2;
      continue;
    }
    return i;
  }
  return -1;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes of a decoded SAMLResponse to XML text; a raw deflate (the Redirect binding) is inflated. */
function bytesToXml(bytes: Buffer, capture: Capture, range: InputRange): string | undefined {
  const asXml = utf8(bytes);
  if (asXml !== undefined && asXml.replace(/^\uFEFF/, '').trimStart().startsWith('<')) {
    return asXml.replace(/^\uFEFF/, '');
  }
  let inflated: Buffer | undefined;
  try {
    inflated = inflateRawSync(bytes, { maxOutputLength: MAX_INFLATED_LENGTH });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      capture.problems.push({ kind: 'deflate-bomb', range, limit: MAX_INFLATED_LENGTH });
      return undefined;
    }
    inflated = undefined;
  }
  const inflatedXml = inflated ? utf8(inflated) : undefined;
  if (inflatedXml !== undefined && inflatedXml.trimStart().startsWith('<')) {
    capture.problems.push({ kind: 'deflated', range });
    if (capture.detected === 'base64') capture.description += ', deflated (Redirect binding)';
    return inflatedXml;
  }
  if (asXml === undefined) {
    capture.problems.push({ kind: 'not-utf8', range });
  } else {
    capture.problems.push({ kind: 'not-xml', range, preview: printablePreview(asXml) });
  }
  return undefined;
}

function utf8(bytes: Buffer): string | undefined {
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

function printablePreview(text: string): string {
  return text.slice(0, 24).replace(/[^\x20-\x7E]/g, '·');
}

function trimmedRange(text: string, start: number, end: number): InputRange {
  let s = start;
  let e = end;
  while (s < e && /[\s\uFEFF]/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  return { start: s, end: e };
}
