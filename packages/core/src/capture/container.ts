import { parseJson, property, type JsonDocument } from '../json/tree.js';
import type { Capture, InputRange, RepeatedParameter } from './decode.js';
import { readHar } from './har.js';
import { readSamlTracer } from './saml-tracer.js';

export type ContainerFormat = 'har' | 'saml-tracer';

/** Problems of a HAR file or SAML-tracer export, reported by the IN rules like any capture problem. */
export type ContainerProblem =
  | { kind: 'no-login'; range: InputRange; format: ContainerFormat; requests: number; seen: string[] }
  | { kind: 'container-malformed'; range: InputRange; format: ContainerFormat; path: string; expected: string }
  | { kind: 'post-data-missing'; range: InputRange; format: ContainerFormat }
  | { kind: 'value-masked'; range: InputRange; field: 'SAMLResponse' | 'RelayState'; profile: MaskProfile; fallback: boolean }
  /** The text linted is SAML-tracer's decoded `saml` field, not the posted value; `nonAscii` when it may differ from the signed bytes. */
  | { kind: 'decoded-copy'; range: InputRange; nonAscii: boolean }
  /** SAML-tracer's `post` holds a field twice (a form body's repeated field is found when it is decoded). */
  | RepeatedParameter;

/** SAML-tracer's export profiles that hide values: "Mask values" (`{hash:…}`) and "Remove values" (`{obf:…}`). */
export type MaskProfile = 'mask' | 'remove';

/**
 * A piece of a login's text and where it came from: `exact` when the piece is a verbatim copy of the
 * file at `file` (offsets then map one to one), otherwise it stands for the whole of `file`.
 */
export interface Segment {
  /** Offset of the piece in the login's text. */
  at: number;
  length: number;
  file: InputRange;
  exact: boolean;
}

/** One SAML login found in the file: one request carrying (or meant to carry) a SAMLResponse. */
export interface Login {
  /** 1-based position of the request in the file. */
  entry: number;
  /** e.g. `entry 3: POST https://eu-west-2.signin.aws.amazon.com/saml` (never the query string). */
  label: string;
  /** What to lint: a form body, a base64 value or decoded XML; absent when the file does not hold it. */
  text?: string;
  /** What `text` is, where decoding it would not say (SAML-tracer's decoded `saml` field). */
  description?: string;
  /** Where `text` sits in the file. */
  segments: Segment[];
  /** A RelayState found beside the value, when `text` does not carry it itself. */
  relayState?: { value: string; range: InputRange };
  /** The server's clock when it answered: the response's `Date` header. */
  clock?: { date: Date; from: string };
  problems: ContainerProblem[];
}

export interface Container {
  format: ContainerFormat;
  /** What samlint recognised, for the "detected" line. */
  description: string;
  doc: JsonDocument;
  logins: Login[];
  /** File-level problems; only when the file yields no login. */
  problems: ContainerProblem[];
}

/**
 * HAR files hold every response body of the session (scripts, images), so they outgrow a pasted
 * SAMLResponse by far: a login through an IdP's portal is often 20-60 MB. parseJson bounds the values.
 */
export const MAX_CONTAINER_LENGTH = 100_000_000;

/** A quick look before parsing: a policy or other JSON need not be parsed twice. */
const CONTAINER_KEY = /"(?:log|requests)"\s*:/;

/**
 * Reads a HAR 1.2 file or a SAML-tracer export (current and legacy) and finds every SAML login in it.
 * Undefined when the text is neither: invalid JSON, an IAM policy, anything else (`lint` reports those).
 */
export function readContainer(text: string): Container | undefined {
  if (text.length > MAX_CONTAINER_LENGTH || !/^[\s\uFEFF]*\{/.test(text) || !CONTAINER_KEY.test(text)) return undefined;
  const doc = parseJson(text, 'input');
  const root = doc.root;
  if (!root || root.type !== 'object') return undefined;
  const har = property(root, 'log');
  if (har) return readHar(doc, har);
  const requests = property(root, 'requests');
  if (requests) return readSamlTracer(doc, root, requests);
  return undefined;
}

/** Offsets of a text from a login back in the file: exact where the text is a verbatim copy, else the whole value. */
export function toFileRange(segments: readonly Segment[], range: InputRange): InputRange {
  if (!segments.length) return range;
  const find = (offset: number) => segments.find((s) => offset < s.at + s.length) ?? (segments[segments.length - 1] as Segment);
  const first = find(range.start);
  const last = find(Math.max(range.start, range.end - 1));
  const start = first.exact ? first.file.start + Math.max(0, range.start - first.at) : first.file.start;
  const end = last.exact ? Math.min(last.file.end, last.file.start + (range.end - last.at)) : last.file.end;
  return { start, end: Math.max(start, end) };
}

/**
 * Whether a failed digest may be an artefact of the copy rather than the IdP's signing: the text is
 * SAML-tracer's decoded `saml` field and holds non-ASCII characters, which SAML-tracer decodes byte by
 * byte (as Latin-1) in legacy versions and for the Redirect binding. ASCII survives every decoding.
 */
export function signedBytesUncertain(capture: Capture): boolean {
  return capture.problems.some((p) => p.kind === 'decoded-copy' && p.nonAscii);
}
