import { parseSignInEndpoint } from '../aws/endpoints.js';
import { stringOf } from '../json/tree.js';
import type { ContainerProblem, InputRange, MaskProfile } from '../model/capture.js';
import type { JsonDocument, JsonNode } from '../model/json.js';
import { REPEATABLE_FIELDS } from './decode.js';
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

/** A SAML-tracer export (simplesamlphp/SAML-tracer, SAMLTraceIO.js): `JSON.stringify` of its requests. */
interface TracerExport {
  requests: TracerRequest[];
  /** ISO 8601 since the WebExtension (v1.0.0); epoch milliseconds in legacy files. */
  timestamp: string | number;
}

/** One traced request (SAMLTrace.Request, with the response fields merged in at export). */
interface TracerRequest {
  method: string;
  url: string;
  /** Absent in legacy files, which is how SAML-tracer itself tells them apart. */
  requestId?: string;
  /** `[[name, value]]`, values form-decoded; masked as `{hash:…}` or `{obf:…}` by the export profiles. */
  post?: Array<[string, string]>;
  /** The browser's `{name: [values]}`, or a raw body in legacy files; `"{overwritten}"` when masked. */
  postData?: unknown;
  /** The decoded XML of the first SAML message; never masked. */
  saml?: string | null;
  /** `[{name, value}]`, or `[[name, value]]` in legacy files. */
  responseHeaders?: unknown;
}

/**
 * The SAML logins of a SAML-tracer export: each request whose POST carries a `SAMLResponse` (or whose
 * query does, for the Redirect binding), and each POST to an AWS sign-in SAML endpoint.
 */
export function readSamlTracer(doc: JsonDocument, root: JsonNode, requests: JsonNode): Container {
  const list = requests.type === 'array' ? (requests.children ?? []) : undefined;
  const legacy = !!list?.[0] && field<TracerRequest>(list[0], 'requestId') === undefined;
  const container: Container = { format: 'saml-tracer', description: describe(root, legacy), doc, logins: [], problems: [] };
  if (!list) {
    container.problems.push({ kind: 'container-malformed', range: openingOf(requests), format: 'saml-tracer', path: '`requests`', expected: 'an array' });
    return container;
  }
  return collectLogins(container, requests, (request, index) => readRequest(doc, request, index));
}

function describe(root: JsonNode, legacy: boolean): string {
  const stamp = field<TracerExport>(root, 'timestamp');
  const when = typeof stamp?.value === 'number' || typeof stamp?.value === 'string' ? new Date(stamp.value) : undefined;
  const date = when && !Number.isNaN(when.getTime()) ? ` (saved ${when.toISOString()})` : '';
  return `${legacy ? 'legacy ' : ''}SAML-tracer export${date}`;
}

interface Pair {
  name: string;
  /** Where the name sits in the file. */
  nameRange: InputRange;
  /** 1-based position in `post`. */
  position: number;
  value: { value: string; range: InputRange; exact: boolean };
}

/** `[[name, value]]` pairs whose name and value are strings. */
function pairsOf(doc: JsonDocument, node: JsonNode | undefined): Pair[] {
  if (node?.type !== 'array') return [];
  return (node.children ?? []).flatMap((pair, i) => {
    const [name, value] = pair.type === 'array' ? (pair.children ?? []) : [];
    const text = stringAt(doc, value);
    const key = stringAt(doc, name);
    return key && text ? [{ name: key.value, nameRange: key.range, position: i + 1, value: text }] : [];
  });
}

/** A `SAMLResponse` or `RelayState` that `post` holds more than once (SAML-tracer keeps every value the browser sent). */
function repeatedFields(post: Pair[]): ContainerProblem[] {
  return REPEATABLE_FIELDS.flatMap((name): ContainerProblem[] => {
    const all = post.filter((p) => p.name === name);
    if (all.length < 2) return [];
    const first = all[0] as Pair;
    return [
      {
        kind: 'parameter-repeated',
        range: (all[1] as Pair).nameRange,
        field: name,
        ranges: all.map((p) => p.nameRange),
        positions: all.map((p) => p.position),
        identical: all.every((p) => p.value.value === first.value.value),
      },
    ];
  });
}

/** Which export profile hid a value, if one did. */
function maskOf(value: string): MaskProfile | undefined {
  const match = /^\{(hash|obf):[^}]*\}$/.exec(value);
  return match ? (match[1] === 'hash' ? 'mask' : 'remove') : undefined;
}

function readRequest(doc: JsonDocument, request: JsonNode, index: number): ReadRequest {
  const method = methodOf(field<TracerRequest>(request, 'method'));
  const urlNode = field<TracerRequest>(request, 'url');
  const url = stringOf(urlNode);
  const label = requestLabel('request', index, method, url);
  const login = (body: TextBuilder | undefined, problems: ContainerProblem[], extra: Partial<Login> = {}): ReadRequest => {
    const headers = field<TracerRequest>(request, 'responseHeaders');
    const clock = clockOf(headers, `the \`Date\` header of the response to request ${index}`);
    return { label, login: { entry: index, label, text: body?.text, segments: body?.segments ?? [], clock, ...extra, problems } };
  };
  const piece = (value: Pair['value']) => new TextBuilder().add(value.value, value.range, value.exact);
  if (method === 'GET') {
    const query = queryOf(doc, urlNode);
    return query && SAML_RESPONSE_FIELD.test(query.text) ? login(query, []) : { label };
  }
  if (method !== 'POST') return { label };
  const post = pairsOf(doc, field<TracerRequest>(request, 'post'));
  const response = post.find((p) => p.name === 'SAMLResponse');
  const relay = post.find((p) => p.name === 'RelayState');
  const responseMask = response && maskOf(response.value.value);
  const relayMask = relay && maskOf(relay.value.value);
  const relayState = relay && !relayMask ? { value: relay.value.value, range: relay.value.range } : undefined;
  // What `post` itself shows: a field sent twice, a masked RelayState.
  const postProblems: ContainerProblem[] = [
    ...repeatedFields(post),
    ...(relay && relayMask ? [{ kind: 'value-masked', range: relay.value.range, field: 'RelayState', profile: relayMask, fallback: true } as const] : []),
  ];
  // The posted value itself: signatures are verified on the exact bytes the IdP sent.
  if (response && !responseMask) return login(piece(response.value), postProblems, { relayState });
  // Legacy files keep the raw form body.
  const raw = stringAt(doc, field<TracerRequest>(request, 'postData'));
  if (!response && raw && SAML_RESPONSE_FIELD.test(raw.value)) return login(piece(raw), []);
  const toAws = url !== undefined && parseSignInEndpoint(url) !== undefined;
  const saml = stringAt(doc, field<TracerRequest>(request, 'saml'));
  const masked = (fallback: boolean): ContainerProblem[] =>
    response && responseMask ? [{ kind: 'value-masked', range: response.value.range, field: 'SAMLResponse', profile: responseMask, fallback }] : [];
  if ((response || toAws) && saml && saml.value.trim()) {
    // SAML-tracer decodes a POST value as UTF-8 (since the WebExtension) but a Redirect value, and every value
    // in legacy versions, byte by byte as Latin-1: only ASCII text is certain to be the bytes that were signed.
    const copy: ContainerProblem = { kind: 'decoded-copy', range: saml.range, nonAscii: /[^\x00-\x7F]/.test(saml.value) };
    const description = 'SAML-tracer’s decoded `saml` field';
    return login(piece(saml), [...masked(true), copy, ...postProblems], { relayState, description });
  }
  if (response) return login(undefined, [...masked(false), ...postProblems], { relayState });
  const where = stringAt(doc, urlNode);
  if (toAws && where) return login(undefined, [{ kind: 'post-data-missing', range: where.range, format: 'saml-tracer' }]);
  return { label };
}
