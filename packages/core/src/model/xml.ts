// What the parse stage hands on: the one document every rule reads and every signature is verified
// over (docs/decisions/0001-xml-parsers.md, 0002-own-verifier.md).
import type { SourceText } from './source-text.js';

export interface XmlDocument {
  source: SourceText;
  document: Document;
  root: Element;
}

/** The bounds xml/parse.ts enforces (`XML_LIMITS`), by name. */
export type XmlLimit = 'depth' | 'elements' | 'attributesPerElement';

export type XmlProblem =
  | { kind: 'doctype'; offset: number; declaration: string }
  /** `unboundPrefix`: the error is that prefix, used with no namespace declaration in scope. */
  | { kind: 'not-well-formed'; line: number; column: number; detail: string; unboundPrefix?: string }
  | { kind: 'limit'; what: XmlLimit; limit: number; offset: number };

export interface ParsedXml {
  source: SourceText;
  doc?: XmlDocument;
  problems: XmlProblem[];
}
