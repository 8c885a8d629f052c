import type { Creator, Entry, Log, Param, PostData, Request, Response } from 'har-format';
import { parseSignInEndpoint } from '../aws/endpoints.js';
import { stringOf } from '../json/tree.js';
import type { JsonDocument, JsonNode } from '../model/json.js';
import type { Container, Login } from './types.js';
import {
  SAML_RESPONSE_FIELD,
  TextBuilder,
  clockOf,
  collectLogins,
  field,
  methodOf,
  openingOf,
  queryOf,
  requestLabel,
  stringAt,
  type ReadRequest,
} from './fields.js';

/**
 * The SAML logins of a HAR 1.2 file (Chrome, Edge, Firefox, Safari): every POST to an AWS sign-in SAML
 * endpoint, and any other request carrying a `SAMLResponse` (a generic SP, or the Redirect binding in
 * a GET query), in file order.
 */
export function readHar(doc: JsonDocument, log: JsonNode): Container {
  const container: Container = { format: 'har', description: describe(log), doc, logins: [], problems: [] };
  const malformed = (node: JsonNode, path: string, expected: string) => {
    container.problems.push({ kind: 'container-malformed', range: openingOf(node), format: 'har', path, expected });
    return container;
  };
  if (log.type !== 'object') return malformed(log, '`log`', 'an object');
  const entries = field<Log>(log, 'entries');
  if (entries?.type !== 'array') return malformed(entries ?? log, '`log.entries`', 'an array');
  return collectLogins(container, entries, (entry, index) => readEntry(doc, entry, index));
}

function describe(log: JsonNode): string {
  const version = stringOf(field<Log>(log, 'version'));
  const creator = field<Log>(log, 'creator');
  const name = [stringOf(field<Creator>(creator, 'name')), stringOf(field<Creator>(creator, 'version'))]
    .filter((part): part is string => part !== undefined && /^[\x20-\x7E]{1,40}$/.test(part))
    .join(' ');
  return `HAR${version && /^[\d.]{1,8}$/.test(version) ? ` ${version}` : ''} file${name ? ` (${name})` : ''}`;
}

function readEntry(doc: JsonDocument, entry: JsonNode, index: number): ReadRequest {
  const request = field<Entry>(entry, 'request');
  const method = methodOf(field<Request>(request, 'method'));
  const urlNode = field<Request>(request, 'url');
  const url = stringOf(urlNode);
  const label = requestLabel('entry', index, method, url);
  const login = (body: TextBuilder | undefined, problems: Login['problems'] = []): ReadRequest => {
    const headers = field<Response>(field<Entry>(entry, 'response'), 'headers');
    const clock = clockOf(headers, `the \`Date\` header of the response to entry ${index}`);
    return { label, login: { entry: index, label, text: body?.text, segments: body?.segments ?? [], clock, problems } };
  };
  if (method === 'GET') {
    const query = queryOf(doc, urlNode);
    if (query && SAML_RESPONSE_FIELD.test(query.text)) return login(query);
  } else if (method === 'POST') {
    const body = bodyOf(doc, field<Request>(request, 'postData'));
    const toAws = url !== undefined && parseSignInEndpoint(url) !== undefined;
    if (body && (toAws || SAML_RESPONSE_FIELD.test(body.text))) return login(body);
    const where = stringAt(doc, urlNode);
    if (toAws && where) return login(undefined, [{ kind: 'post-data-missing', range: where.range, format: 'har' }]);
  }
  return { label };
}

/**
 * The form body as posted: `postData.text` when the browser kept it (verbatim), else rebuilt from
 * `postData.params`, whose values browsers store as sent, still form-encoded.
 */
function bodyOf(doc: JsonDocument, postData: JsonNode | undefined): TextBuilder | undefined {
  const text = stringAt(doc, field<PostData>(postData, 'text'));
  if (text && text.value.trim()) return new TextBuilder().add(text.value, text.range, text.exact);
  const params = field<PostData>(postData, 'params');
  const body = new TextBuilder();
  for (const param of params?.type === 'array' ? (params.children ?? []) : []) {
    const name = stringAt(doc, field<Param>(param, 'name'));
    const value = stringAt(doc, field<Param>(param, 'value'));
    if (!name || !value) continue;
    body.add(`${body.text ? '&' : ''}${name.value}=`, name.range, false).add(value.value, value.range, value.exact);
  }
  return body.text ? body : undefined;
}
