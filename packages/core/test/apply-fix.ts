import type { Fix } from '../src/index.js';
import { SourceText } from '../src/model/source-text.js';

/** The text with a finding's fix applied, as an editor applies the quick fix. */
export function applyFix(text: string, fix: Fix): string {
  const source = new SourceText(text);
  const { span } = fix.location;
  return `${text.slice(0, source.offsetOf(span.line, span.column))}${fix.replacement}${text.slice(source.offsetOf(span.endLine, span.endColumn))}`;
}
