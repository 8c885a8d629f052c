import { isElement } from '../xml/dom.js';

const TEXT_NODE = 3;
const CDATA_NODE = 4;
const COMMENT_NODE = 8;
const PROCESSING_INSTRUCTION_NODE = 7;

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

/**
 * Indents a parsed document for reading. Whitespace-only text between elements is dropped and each
 * element starts a line; text content is kept exactly (escaped), so values read the same as in the
 * original. For display only: the output is not the signed bytes.
 */
export function prettyXml(root: Element, indent = '  '): string {
  const lines: string[] = [];
  // The parser caps depth (XML_LIMITS.depth), so this recursion is bounded.
  const visit = (node: Node, depth: number): void => {
    const pad = indent.repeat(depth);
    if (isElement(node)) {
      const attributes = Array.from(node.attributes)
        .map((a) => ` ${a.name}="${escapeAttribute(a.value)}"`)
        .join('');
      const children = Array.from(node.childNodes).filter(
        (child) => !(child.nodeType === TEXT_NODE && (child.nodeValue ?? '').trim() === ''),
      );
      if (children.length === 0) {
        lines.push(`${pad}<${node.tagName}${attributes}/>`);
      } else if (children.every((c) => c.nodeType === TEXT_NODE || c.nodeType === CDATA_NODE)) {
        lines.push(`${pad}<${node.tagName}${attributes}>${escapeText(node.textContent ?? '')}</${node.tagName}>`);
      } else {
        lines.push(`${pad}<${node.tagName}${attributes}>`);
        for (const child of children) visit(child, depth + 1);
        lines.push(`${pad}</${node.tagName}>`);
      }
    } else if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_NODE) {
      lines.push(`${pad}${escapeText((node.nodeValue ?? '').trim())}`);
    } else if (node.nodeType === COMMENT_NODE) {
      lines.push(`${pad}<!--${node.nodeValue ?? ''}-->`);
    } else if (node.nodeType === PROCESSING_INSTRUCTION_NODE) {
      lines.push(`${pad}<?${node.nodeName} ${node.nodeValue ?? ''}?>`);
    }
  };
  visit(root, 0);
  return `${lines.join('\n')}\n`;
}
