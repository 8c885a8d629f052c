// Edits of a JSON document for fixes: computed by jsonc-parser (pure), so comments and the document's
// own layout outside the edited value survive.
import { applyEdits, findNodeAtLocation, getNodePath, modify, type FormattingOptions } from 'jsonc-parser';
import type { JsonDocument, JsonNode } from '../model/json.js';

/**
 * The text that replaces `node` (a string or a list of them) so that it lists `added` after what it
 * holds: a lone value becomes a list, a list is appended to. Undefined when the edit would reach
 * outside the node (it never should) or the node cannot be addressed by path (a duplicate key).
 */
export function appendedValues(doc: JsonDocument, node: JsonNode, added: readonly string[]): string | undefined {
  const text = doc.source.text;
  const path = getNodePath(node);
  if (!doc.root || findNodeAtLocation(doc.root, path) !== node || !added.length) return undefined;
  const formattingOptions = layoutOf(text);
  let edited = text;
  if (node.type === 'array') {
    for (const value of added) edited = applyEdits(edited, modify(edited, [...path, -1], value, { formattingOptions, isArrayInsertion: true }));
  } else {
    edited = applyEdits(edited, modify(edited, path, [node.value, ...added], { formattingOptions }));
  }
  const start = node.offset;
  const end = node.offset + node.length;
  const tail = text.length - end;
  if (edited.slice(0, start) !== text.slice(0, start) || edited.slice(edited.length - tail) !== text.slice(end)) return undefined;
  return edited.slice(start, edited.length - tail);
}

/** The indentation and line break the document already uses (two spaces and \n when it has none). */
function layoutOf(text: string): FormattingOptions {
  const indent = /^[ \t]+(?=\S)/m.exec(text)?.[0] ?? '  ';
  const tabs = indent.startsWith('\t');
  return { insertSpaces: !tabs, tabSize: tabs ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}
