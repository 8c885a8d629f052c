import { DOMParser } from '@xmldom/xmldom';
import { SourceText } from '../model/source-text.js';
import type { ParsedXml, XmlLimit, XmlProblem } from '../model/xml.js';
import { keepTagPositions } from './spans.js';
import { checkWellFormed } from './well-formed.js';

/** Bounds on what we parse; beyond them a finding says so and no rule reads the document. */
export const XML_LIMITS = { depth: 64, elements: 100_000, attributesPerElement: 256 } as const satisfies Record<XmlLimit, number>;

// SAML forbids DTDs (SAML core 1.3 §1.3); refusing the declarations up front means no entity is ever expanded.
const DTD_DECLARATION = /<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)\b/i;

/**
 * The one parse every rule reads (see docs/decisions/0001-xml-parsers.md). `well-formed.ts` is the gate:
 * one pass over the text decides XML 1.0 and namespace well-formedness and the bounds, and records
 * where each element's tags are (for spans), but never produces a value a rule reads. The document is
 * @xmldom/xmldom's, the very tree samlint verifies signatures over (decision 0002), and xmldom must
 * accept the text too.
 */
export function parseXml(xml: string): ParsedXml {
  const source = new SourceText(xml);
  const problems: XmlProblem[] = [];
  const dtd = DTD_DECLARATION.exec(xml);
  if (dtd) {
    problems.push({ kind: 'doctype', offset: dtd.index, declaration: (dtd[1] ?? '').toUpperCase() });
    return { source, problems };
  }
  const gate = checkWellFormed(source, XML_LIMITS);
  const rootTag = gate.root;
  if (gate.error) {
    const { line, column } = source.positionOf(gate.error.offset);
    const { detail, unboundPrefix, endOfText } = gate.error;
    problems.push({ kind: 'not-well-formed', line, column, detail, ...(unboundPrefix !== undefined && { unboundPrefix }), ...(endOfText && { endOfText }) });
    return { source, problems, rootTag };
  }
  if (gate.limit) {
    const what = gate.limit.what;
    problems.push({ kind: 'limit', what, limit: XML_LIMITS[what], offset: gate.limit.offset });
    return { source, problems, rootTag };
  }
  let document: Document;
  try {
    document = new DOMParser({
      locator: {},
      // XML 1.0 §2.11 turns only CRLF and CR into LF; xmldom's default also rewrites NEL and U+2028
      // (XML 1.1's rule), which would change signed text that libxml2 and the IdP keep as it is.
      // Most texts have no CR: `includes` says so faster than a replace that would change nothing.
      normalizeLineEndings: (text: string) => (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text),
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
    return { source, problems, rootTag };
  }
  const root = document.documentElement;
  if (!root) {
    problems.push({ kind: 'not-well-formed', line: 1, column: 1, detail: 'no root element' });
    return { source, problems };
  }
  // Spans are cut from the scan's tag positions: the scan has already read every tag once.
  if (gate.tags) keepTagPositions(document, gate.tags);
  return { source, doc: { source, document, root }, problems, rootTag };
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
