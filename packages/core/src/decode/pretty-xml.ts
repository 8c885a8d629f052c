import { isElement } from '../xml/dom.js';

const TEXT_NODE = 3;
const CDATA_NODE = 4;
const COMMENT_NODE = 8;
const PROCESSING_INSTRUCTION_NODE = 7;

// Tested before replaced: hardly any value holds a character to escape, and a large document has tens of thousands.
const escapeText = (text: string) => (/[&<>]/.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : text);
const escapeAttribute = (text: string) => (/[&<>"]/.test(text) ? escapeText(text).replace(/"/g, '&quot;') : text);

/**
 * Indents a parsed document for reading. Whitespace-only text between elements is dropped and each
 * element starts a line; text content is kept exactly (escaped), so values read the same as in the
 * original. For display only: the output is not the signed bytes.
 */
export function prettyXml(root: Element, indent = '  '): string {
  const lines: string[] = [];
  const pads: string[] = [];
  // The parser caps depth (XML_LIMITS.depth), so this recursion is bounded.
  const visit = (node: Node, depth: number): void => {
    const pad = (pads[depth] ??= indent.repeat(depth));
    if (isElement(node)) {
      let attributes = '';
      for (let i = 0; i < node.attributes.length; i++) {
        const a = node.attributes[i] as Attr;
        attributes += ` ${a.name}="${escapeAttribute(a.value)}"`;
      }
      // Walked along the sibling links: a deep document has thousands of elements, and a copied
      // child list per element cost more than the rest of the display.
      let shown = 0;
      let onlyText = true;
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (isBlank(child)) continue;
        shown++;
        if (child.nodeType !== TEXT_NODE && child.nodeType !== CDATA_NODE) onlyText = false;
      }
      if (shown === 0) {
        lines.push(`${pad}<${node.tagName}${attributes}/>`);
      } else if (onlyText) {
        lines.push(`${pad}<${node.tagName}${attributes}>${escapeText(node.textContent ?? '')}</${node.tagName}>`);
      } else {
        lines.push(`${pad}<${node.tagName}${attributes}>`);
        for (let child = node.firstChild; child; child = child.nextSibling) if (!isBlank(child)) visit(child, depth + 1);
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

/** Whitespace-only text between elements, which the display drops. */
function isBlank(node: Node): boolean {
  return node.nodeType === TEXT_NODE && (node.nodeValue ?? '').trim() === '';
}
