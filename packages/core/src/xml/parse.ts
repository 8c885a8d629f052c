import { DOMParser } from '@xmldom/xmldom';
import { XMLValidator } from 'fast-xml-parser';
import { SourceText } from '../model/source-text.js';

/** Bounds on what we parse; beyond them a finding says so and no rule reads the document. */
export const XML_LIMITS = { depth: 64, elements: 100_000, attributesPerElement: 256 } as const;

export interface XmlDocument {
  source: SourceText;
  document: Document;
  root: Element;
}

export type XmlProblem =
  | { kind: 'doctype'; offset: number; declaration: string }
  | { kind: 'not-well-formed'; line: number; column: number; detail: string }
  | { kind: 'limit'; what: keyof typeof XML_LIMITS; limit: number; offset: number };

export interface ParsedXml {
  source: SourceText;
  doc?: XmlDocument;
  problems: XmlProblem[];
}

// SAML forbids DTDs (SAML core 1.3 §1.3); refusing the declarations up front means no entity is ever expanded.
const DTD_DECLARATION = /<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)\b/i;

/**
 * The one parse every rule reads (see docs/decisions/0001-xml-parsers.md). fast-xml-parser's validator
 * is only a gate: it never produces a value a rule reads. The document is @xmldom/xmldom's, the same
 * DOM implementation xml-crypto verifies signatures over.
 */
export function parseXml(xml: string): ParsedXml {
  const source = new SourceText(xml);
  const problems: XmlProblem[] = [];
  const dtd = DTD_DECLARATION.exec(xml);
  if (dtd) {
    problems.push({ kind: 'doctype', offset: dtd.index, declaration: (dtd[1] ?? '').toUpperCase() });
    return { source, problems };
  }
  const gate = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (gate !== true) {
    problems.push(describeGateError(gate.err, source));
    return { source, problems };
  }
  let document: Document;
  try {
    document = new DOMParser({
      locator: {},
      errorHandler: {
        warning: () => undefined,
        // xmldom recovers from many errors; anything above a warning means text we do not trust.
        error: (message: string) => {
          throw new XmldomError(message);
        },
        fatalError: (message: string) => {
          throw new XmldomError(message);
        },
      },
    }).parseFromString(xml, 'text/xml');
  } catch (error) {
    const { line, column } = locatorOf(error);
    problems.push({ kind: 'not-well-formed', line, column, detail: cleanXmldomMessage(error) });
    return { source, problems };
  }
  const root = document.documentElement;
  if (!root) {
    problems.push({ kind: 'not-well-formed', line: 1, column: 1, detail: 'no root element' });
    return { source, problems };
  }
  const treeProblem = checkTree(root, source);
  if (treeProblem) {
    problems.push(treeProblem);
    return { source, problems };
  }
  return { source, doc: { source, document, root }, problems };
}

/**
 * Walks the tree without recursion, so a hostile depth cannot overflow the stack: enforces the
 * bounds, and refuses prefixes bound to no namespace, which xmldom 0.8 lets through (namespace
 * well-formedness, Namespaces in XML §5).
 */
function checkTree(root: Element, source: SourceText): XmlProblem | undefined {
  let elements = 0;
  const stack: Array<[Element, number]> = [[root, 1]];
  while (stack.length) {
    const [element, depth] = stack.pop() as [Element, number];
    elements++;
    const offset = source.offsetOf(element.lineNumber ?? 1, element.columnNumber ?? 1);
    if (depth > XML_LIMITS.depth) return { kind: 'limit', what: 'depth', limit: XML_LIMITS.depth, offset };
    if (elements > XML_LIMITS.elements) return { kind: 'limit', what: 'elements', limit: XML_LIMITS.elements, offset };
    if (element.attributes.length > XML_LIMITS.attributesPerElement) {
      return { kind: 'limit', what: 'attributesPerElement', limit: XML_LIMITS.attributesPerElement, offset };
    }
    const unbound = unboundPrefix(element);
    if (unbound !== undefined) {
      const { line, column } = source.positionOf(offset);
      return { kind: 'not-well-formed', line, column, detail: `namespace prefix \`${unbound}\` is not bound to a namespace` };
    }
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === child.ELEMENT_NODE) stack.push([child as Element, depth + 1]);
    }
  }
  return undefined;
}

/** fast-xml-parser reports tags left open at the end as a raw array at 1:1; say it plainly, at the end. */
function describeGateError(err: { code: string; msg: string; line: number; col: number }, source: SourceText): XmlProblem {
  const unclosed = /^Invalid '\[(.*)\]' found/s.exec(err.msg);
  if (err.code === 'InvalidXml' && unclosed) {
    const names = [...(unclosed[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => `\`${m[1]}\``);
    const end = source.positionOf(source.text.length);
    return { kind: 'not-well-formed', line: end.line, column: end.column, detail: `the text ends before ${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} closed` };
  }
  return { kind: 'not-well-formed', line: err.line, column: err.col, detail: lowerFirst(err.msg) };
}

function unboundPrefix(element: Element): string | undefined {
  if (element.prefix && !element.namespaceURI) return element.prefix;
  for (const attr of Array.from(element.attributes)) {
    if (attr.prefix && attr.prefix !== 'xmlns' && attr.prefix !== 'xml' && !attr.namespaceURI) return attr.prefix;
  }
  return undefined;
}

class XmldomError extends Error {}

/** xmldom 0.8 appends its locator to the message as `@#[line:L,col:C]`. */
function locatorOf(error: unknown): { line: number; column: number } {
  const at = /@#\[line:(\d+),col:(\d+)\]/.exec(error instanceof Error ? error.message : '');
  return { line: Number(at?.[1] ?? 1), column: Number(at?.[2] ?? 1) };
}

function cleanXmldomMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return lowerFirst(message.replace(/\n?@#\[line:.*$/s, '').replace(/^\[xmldom \w+\]\s*/, '').trim());
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '');
}
