import type { Span } from '../model/finding.js';
import type { SourceText } from '../model/source-text.js';

/** Offset of the element's `<`, from the parser's locator. */
function startOffset(source: SourceText, element: Element): number {
  return source.offsetOf(element.lineNumber ?? 1, element.columnNumber ?? 1);
}

/** Offset just past the `>` of the element's start tag, skipping `>` inside quoted attribute values. */
function startTagEnd(source: SourceText, element: Element): number {
  const text = source.text;
  let quote = '';
  for (let i = startOffset(source, element); i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '>') {
      return i + 1;
    }
  }
  return text.length;
}

/** The element's start tag. */
export function elementSpan(source: SourceText, element: Element): Span {
  return source.span(startOffset(source, element), startTagEnd(source, element));
}

/** The value of an attribute (inside its quotes), or the start tag when the attribute is absent. */
export function attributeSpan(source: SourceText, element: Element, name: string): Span {
  const start = startOffset(source, element);
  const end = startTagEnd(source, element);
  const tag = source.text.slice(start, end);
  const pattern = new RegExp(`\\s${name.replace(/[.*+?^${}()|[\]\\:]/g, '\\$&')}\\s*=\\s*(["'])`, 'g');
  const match = pattern.exec(tag);
  if (!match) return source.span(start, end);
  const valueStart = start + match.index + match[0].length;
  const close = tag.indexOf(match[1] as string, match.index + match[0].length);
  return source.span(valueStart, close < 0 ? end : start + close);
}

/** The element's content between its tags; for an empty element, its start tag. */
export function contentSpan(source: SourceText, element: Element): Span {
  const open = startTagEnd(source, element);
  if (source.text[open - 2] === '/') return source.span(startOffset(source, element), open);
  const close = source.text.indexOf(`</${element.tagName}`, open);
  if (close <= open) return elementSpan(source, element);
  return source.span(open, close);
}
