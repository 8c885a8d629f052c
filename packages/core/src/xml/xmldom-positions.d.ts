// @xmldom/xmldom 0.8 builds DOM-typed nodes and, with a locator, records where each node starts.
declare global {
  interface Node {
    /** 1-based line of the node's start in the parsed text (xmldom's locator). */
    lineNumber?: number;
    /** 1-based column of the node's start in the parsed text (xmldom's locator). */
    columnNumber?: number;
  }
}

export {};

// xmldom 0.8's DOMParser takes `normalizeLineEndings` (lib/dom-parser.js), which its typings omit.
declare module '@xmldom/xmldom' {
  interface Options {
    /** Replaces line endings before parsing; xmldom's default also applies XML 1.1's NEL and U+2028 rule. */
    normalizeLineEndings?: (input: string) => string;
  }
}
