// The types the capture readers share: HAR and SAML-tracer with container.ts and lint-file.ts, the HTML
// form reader with decode.ts. Types only, so that a module calling a reader and the reader (which builds
// these) need not import each other.
import type { ContainerFormat, ContainerProblem, InputRange } from '../model/capture.js';
import type { JsonDocument } from '../model/json.js';

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

/** A field a form posts: of a form body, or of an HTML form. */
export interface FormField {
  name: string;
  value: string;
  /** Where the value sits in the input, still encoded. */
  range: InputRange;
  /**
   * Where a range of `value` sits in the input, when that can be told character by character (an HTML
   * attribute value, whose character references stand for one character each); else it is `range`.
   */
  place?: (range: InputRange) => InputRange;
  /** Where the field's name sits in the input. */
  nameRange: InputRange;
  /** 1-based position among the body's fields. */
  position: number;
}
