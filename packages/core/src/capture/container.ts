import { parseJson, property } from '../json/tree.js';
import type { InputRange } from '../model/capture.js';
import type { Container, Segment } from './types.js';
import { readHar } from './har.js';
import { readSamlTracer } from './saml-tracer.js';

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
