// What the capture stage hands on: the decoded input and every problem met on the way (the IN rules
// report them). Here, below every other module, so rules read a capture without importing capture/.
import type { SourceText } from './source-text.js';
import type { ParsedXml } from './xml.js';

export type CaptureKind = 'xml' | 'json' | 'base64' | 'form-body' | 'html' | 'unknown';

/** A range of the user's input, as offsets `[start, end)`. */
export interface InputRange {
  start: number;
  end: number;
}

export type CaptureProblem =
  | { kind: 'empty' }
  | { kind: 'input-too-large'; length: number; limit: number }
  | { kind: 'unrecognized'; range: InputRange }
  | { kind: 'json-invalid'; range: InputRange; detail: string }
  | { kind: 'json-unrecognized'; range: InputRange }
  /** `forms`: how many forms the HTML page has, when the input is one. */
  | { kind: 'no-saml-response-field'; range: InputRange; forms?: number }
  /** An HTML page with more tags than samlint parses (MAX_HTML_TAGS): no IdP's POST page. */
  | { kind: 'page-too-large'; range: InputRange; limit: number }
  | { kind: 'saml-request'; range: InputRange }
  | { kind: 'invalid-base64'; range: InputRange; character: string }
  | { kind: 'truncated'; range: InputRange; length: number; why: 'length' | 'xml-incomplete'; padded?: boolean }
  | { kind: 'deflated'; range: InputRange }
  | { kind: 'deflate-bomb'; range: InputRange; limit: number }
  | { kind: 'double-url-encoded'; range: InputRange; what: 'body' | 'value' }
  | { kind: 'response-too-large'; range: InputRange; length: number; limit: number }
  | { kind: 'response-too-small'; range: InputRange; length: number }
  /** The decoded value is `count` Responses one after the other; `capture.xml` is the first. */
  | { kind: 'responses-back-to-back'; range: InputRange; count: number; name: string }
  | { kind: 'not-xml'; range: InputRange; preview: string }
  | { kind: 'not-utf8'; range: InputRange }
  | RepeatedParameter
  | ContainerProblem;

/**
 * A form field given more than once (HTTP parameter pollution): servers disagree on which one counts,
 * so a verifier and a reader can each take a different one. `range` is the second occurrence's name,
 * `ranges` every occurrence's name in order; the first value is the one samlint lints.
 */
export interface RepeatedParameter {
  kind: 'parameter-repeated';
  range: InputRange;
  field: 'SAMLResponse' | 'RelayState';
  ranges: InputRange[];
  /** 1-based positions of the occurrences among the fields of the body (or the SAML-tracer request's `post`). */
  positions: number[];
  /** Whether every occurrence carries the same value. */
  identical: boolean;
}

export interface Capture {
  input: SourceText;
  detected: CaptureKind;
  /** What samlint recognised, in words, for the "detected" line of every output. */
  description: string;
  /** Where the SAMLResponse value sits in the input. */
  value?: InputRange;
  /** Length of the base64 SAMLResponse after whitespace and quotes are removed. */
  base64Length?: number;
  relayState?: { value: string; range: InputRange };
  /** The decoded XML, when decoding got that far. */
  xml?: string;
  /**
   * `xml` parsed, when the capture stage parsed it to read where its root ends (XML decoded from a
   * value): the engine reads this parse and does not parse again.
   */
  parsed?: ParsedXml;
  problems: CaptureProblem[];
}

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
 * Whether a failed digest may be an artefact of the copy rather than the IdP's signing: the text is
 * SAML-tracer's decoded `saml` field and holds non-ASCII characters, which SAML-tracer decodes byte by
 * byte (as Latin-1) in legacy versions and for the Redirect binding. ASCII survives every decoding.
 */
export function signedBytesUncertain(capture: Capture): boolean {
  return capture.problems.some((p) => p.kind === 'decoded-copy' && p.nonAscii);
}
