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
