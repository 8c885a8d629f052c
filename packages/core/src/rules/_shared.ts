// Helpers rules of several families share. Not a rule: index.ts does not export this module.
import type { Location } from '../model/finding.js';
import type { RuleContext } from '../model/rule.js';
import { textOf } from '../xml/dom.js';

/**
 * The span of `[start, end)` inside an element's text. Offsets into the text equal offsets into the
 * markup only when the content is plain text; with entities, CDATA or comments the whole content is used.
 */
export function locateInText(ctx: RuleContext, element: Element, start: number, end: number): Location {
  const whole = ctx.at.content(element);
  const source = ctx.parsed?.source;
  if (!source) return whole;
  const from = source.offsetOf(whole.span.line, whole.span.column);
  const to = source.offsetOf(whole.span.endLine, whole.span.endColumn);
  if (source.text.slice(from, to) !== textOf(element)) return whole;
  return ctx.at.xmlSpan(source.span(from + start, from + end));
}
