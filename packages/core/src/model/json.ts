// JSON with positions: what samlint reads a HAR file, a SAML-tracer export or an IAM policy as.
import type { Node as JsonNode } from 'jsonc-parser';
import type { Artifact } from './finding.js';
import type { SourceText } from './source-text.js';

export type { JsonNode };

export type JsonProblem =
  | { kind: 'syntax'; offset: number; length: number; detail: string }
  /** A bound of ours, not an error in the JSON: `detail` says which, e.g. "nested deeper than 64 levels". */
  | { kind: 'limit'; offset: number; detail: string };

/**
 * A JSON text with every value's offsets (jsonc-parser's tree), so findings about a HAR file, a
 * SAML-tracer export or an IAM policy point into the file the user has open.
 */
export interface JsonDocument {
  source: SourceText;
  /** Which text this is, for the locations of findings about it. */
  artifact: Artifact;
  root?: JsonNode;
  problems: JsonProblem[];
}
