import { property } from '../json/tree.js';
import type { InputRange } from '../model/capture.js';
import type { JsonDocument, JsonNode } from '../model/json.js';
import type { Container, Login, Segment } from './types.js';

// What the HAR and SAML-tracer readers share.

/** Each login is linted in full; past this many, the rest are named in the description only. */
export const MAX_LOGINS = 100;

/** A field by its name in the format's types, so a misspelt field name fails to compile. */
export function field<T>(node: JsonNode | undefined, name: keyof T & string): JsonNode | undefined {
  return property(node, name);
}

/** A JSON string's value, the range of its characters (inside the quotes), and whether the file holds it verbatim (no escapes). */
export function stringAt(doc: JsonDocument, node: JsonNode | undefined): { value: string; range: InputRange; exact: boolean } | undefined {
  if (node?.type !== 'string' || typeof node.value !== 'string') return undefined;
  const range = { start: node.offset + 1, end: node.offset + node.length - 1 };
  return { value: node.value, range, exact: doc.source.text.slice(range.start, range.end) === node.value };
}

/** The login's text built from pieces of the file, keeping track of where each piece came from. */
export class TextBuilder {
  text = '';
  readonly segments: Segment[] = [];

  add(piece: string, file: InputRange, exact: boolean): this {
    this.segments.push({ at: this.text.length, length: piece.length, file, exact });
    this.text += piece;
    return this;
  }
}

/** A header's value in `[{name, value}]` (HAR, SAML-tracer) or legacy `[[name, value]]` form; names are case-insensitive. */
export function headerValue(headers: JsonNode | undefined, name: string): string | undefined {
  if (headers?.type !== 'array') return undefined;
  const wanted = name.toLowerCase();
  for (const header of headers.children ?? []) {
    const [nameNode, valueNode] =
      header.type === 'array' ? (header.children ?? []) : [property(header, 'name'), property(header, 'value')];
    if (typeof nameNode?.value === 'string' && nameNode.value.toLowerCase() === wanted && typeof valueNode?.value === 'string') {
      return valueNode.value;
    }
  }
  return undefined;
}

/** `Fri, 27 Nov 2026 09:00:30 GMT`: the only form RFC 9110 lets servers send. */
const IMF_FIXDATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** The server's clock from a response's `Date` header, when it is an RFC 9110 IMF-fixdate. */
export function clockOf(headers: JsonNode | undefined, from: string): Login['clock'] {
  const value = headerValue(headers, 'date')?.trim();
  if (value === undefined || !IMF_FIXDATE.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : { date, from };
}

/** A URL for labels and notes: origin and path only, since a query string may carry a whole SAMLResponse. */
function displayUrl(url: string): string {
  let shown: string;
  try {
    const parsed = new URL(url);
    shown = `${parsed.origin}${parsed.pathname}${parsed.search ? '?…' : ''}`;
  } catch {
    shown = url.replace(/[?#][\s\S]*$/, '?…').replace(/[^\x20-\x7E…]/g, '·');
  }
  return shown.length > 120 ? `${shown.slice(0, 119)}…` : shown;
}

/** Where `SAMLResponse` starts a form field, also in a whole body encoded twice (`%26SAMLResponse%3D`). */
export const SAML_RESPONSE_FIELD = /(?:^|[&?]|%26)SAMLResponse(?:=|%3D)/i;

/** The query string of a URL held in `node`, as a piece of the file (a Redirect-binding SAMLResponse travels there). */
export function queryOf(doc: JsonDocument, node: JsonNode | undefined): TextBuilder | undefined {
  const url = stringAt(doc, node);
  const mark = url?.value.indexOf('?') ?? -1;
  if (!url || mark < 0) return undefined;
  const query = url.value.slice(mark + 1).replace(/#[\s\S]*$/, '');
  const start = url.exact ? url.range.start + mark + 1 : url.range.start;
  return new TextBuilder().add(query, url.exact ? { start, end: start + query.length } : url.range, url.exact);
}

/** The first character of a node, where findings about a whole array or object point. */
export function openingOf(node: JsonNode): InputRange {
  return { start: node.offset, end: node.offset + 1 };
}

/** What the no-login finding lists of the requests it saw. */
const MAX_SEEN = 8;

/** What reading one request gives: its label, and the login when it is one. */
export interface ReadRequest {
  label: string;
  login?: Login;
}

/** Reads the requests in file order into `container`: its logins (the first MAX_LOGINS), or what it saw instead. */
export function collectLogins(container: Container, requests: JsonNode, read: (request: JsonNode, index: number) => ReadRequest): Container {
  const list = requests.children ?? [];
  const seen: string[] = [];
  let found = 0;
  list.forEach((request, i) => {
    const { label, login } = read(request, i + 1);
    if (!login) {
      if (seen.length < MAX_SEEN) seen.push(label);
    } else if (++found <= MAX_LOGINS) {
      container.logins.push(login);
    }
  });
  if (!found) container.problems.push({ kind: 'no-login', range: openingOf(requests), format: container.format, requests: list.length, seen });
  if (found > MAX_LOGINS) container.description += `, ${found} SAML logins, the first ${MAX_LOGINS} checked`;
  return container;
}

/** `entry 3: POST https://…/saml`: how results name a request (HAR says entry, SAML-tracer request). */
export function requestLabel(word: 'entry' | 'request', index: number, method: string | undefined, url: string | undefined): string {
  return `${word} ${index}: ${method ?? '(no method)'} ${url === undefined ? '(no url)' : displayUrl(url)}`;
}

/** The request's method, upper-cased and bounded: it is printed. */
export function methodOf(node: JsonNode | undefined): string | undefined {
  return typeof node?.value === 'string' ? node.value.toUpperCase().replace(/[^A-Z]/g, '').slice(0, 16) : undefined;
}
