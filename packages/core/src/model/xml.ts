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
  /**
   * `unboundPrefix`: the error is that prefix, used with no namespace declaration in scope.
   * `endOfText`: the error is that the text ends before the document does (it was cut).
   */
  | { kind: 'not-well-formed'; line: number; column: number; detail: string; unboundPrefix?: string; endOfText?: boolean }
  | { kind: 'limit'; what: XmlLimit; limit: number; offset: number };

export interface ParsedXml {
  source: SourceText;
  doc?: XmlDocument;
  problems: XmlProblem[];
  /** The root element as the well-formedness scan read it; absent when no root was reached (or a DTD was refused first). */
  rootTag?: RootTag;
}

/**
 * The root element's qualified name, and just past its end tag (or its empty-element tag) once the scan
 * read that: also when what follows the root is not well-formed (a second root), so where a document
 * ends is read from its structure, never searched for in its text.
 */
export interface RootTag {
  name: string;
  end?: number;
}
