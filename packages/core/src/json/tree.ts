import { getNodeValue, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Artifact, Location } from '../model/finding.js';
import type { JsonDocument, JsonNode, JsonProblem } from '../model/json.js';
import { SourceText } from '../model/source-text.js';

/** Nesting deeper than this is not a HAR, an export or a policy; jsonc-parser recurses, so it is refused first. */
export const MAX_JSON_DEPTH = 64;
/**
 * jsonc-parser keeps a node of a few hundred bytes per value, so the count of values bounds memory. A
 * HAR of a long session has some hundred thousand; megabytes of tiny values are not worth gigabytes.
 */
export const MAX_JSON_VALUES = 1_000_000;

/** Parses strict JSON (no comments, no trailing commas: IAM, HAR and SAML-tracer write none). */
export function parseJson(text: string, artifact: Artifact): JsonDocument {
  const source = new SourceText(text);
  const limit = beyondLimits(text);
  if (limit) return { source, artifact, problems: [limit] };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const problems: JsonProblem[] = errors.map((e) => ({ kind: 'syntax', offset: e.offset, length: e.length, detail: printParseErrorCode(e.error) }));
  // A tree jsonc-parser recovered from broken text would show rules values the user never wrote.
  return problems.length || !root ? { source, artifact, problems } : { source, artifact, root, problems };
}

/**
 * The first place the text goes beyond MAX_JSON_DEPTH or MAX_JSON_VALUES, in one pass outside strings:
 * a value starts at each opening bracket and after each comma or colon.
 */
function beyondLimits(text: string): JsonProblem | undefined {
  let depth = 0;
  let values = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) {
      inString = true;
    } else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      if (++depth > MAX_JSON_DEPTH) return { kind: 'limit', offset: i, detail: `nested deeper than ${MAX_JSON_DEPTH} levels` };
      values++;
    } else if (ch === 125 /* } */ || ch === 93 /* ] */) {
      depth--;
    } else if (ch === 44 /* , */ || ch === 58 /* : */) {
      if (++values > MAX_JSON_VALUES) return { kind: 'limit', offset: i, detail: `more than ${MAX_JSON_VALUES.toLocaleString('en-US')} values` };
    }
  }
  return undefined;
}

/** The value node of an object's property `name`; `ignoreCase` for IAM, whose element names are not case-sensitive in keys. */
export function property(node: JsonNode | undefined, name: string, ignoreCase = false): JsonNode | undefined {
  if (node?.type !== 'object') return undefined;
  const wanted = ignoreCase ? name.toLowerCase() : name;
  for (const pair of node.children ?? []) {
    const [key, value] = pair.children ?? [];
    const keyText = typeof key?.value === 'string' ? key.value : undefined;
    if (keyText !== undefined && (ignoreCase ? keyText.toLowerCase() : keyText) === wanted) return value;
  }
  return undefined;
}

/** An object's properties as [key node, value node] pairs, in document order. */
export function properties(node: JsonNode | undefined): Array<[JsonNode, JsonNode]> {
  if (node?.type !== 'object') return [];
  return (node.children ?? []).flatMap((pair) => {
    const [key, value] = pair.children ?? [];
    return key && value ? [[key, value] as [JsonNode, JsonNode]] : [];
  });
}

/** An array's items; a lone value stands for a one-item list (IAM writes `"Action": "x"` and `["x"]` alike). */
export function items(node: JsonNode | undefined): JsonNode[] {
  if (!node) return [];
  return node.type === 'array' ? (node.children ?? []) : [node];
}

/** The string a node holds, or undefined for any other type. */
export function stringOf(node: JsonNode | undefined): string | undefined {
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

/** The plain value of a subtree (objects, arrays, scalars). */
export function valueOf(node: JsonNode): unknown {
  return getNodeValue(node);
}

/** Where a node sits in its document. */
export function jsonLocation(doc: JsonDocument, node: JsonNode): Location {
  return { artifact: doc.artifact, span: doc.source.span(node.offset, node.offset + node.length) };
}
