// Building ConfigValues from the JSON tree of a configuration file.
import type { JsonNode } from '../model/json.js';
import type { ConfigValue, UserSource } from '../model/idp-config.js';
import type { InputRange } from '../model/capture.js';
import { parseJson } from '../json/tree.js';

export function rangeOf(node: JsonNode): InputRange {
  return { start: node.offset, end: node.offset + node.length };
}

/**
 * A string, number or boolean node as a known value; an empty string or `null` is absent (Okta and
 * Terraform write both for a setting left blank). `text` is the file, to tell a verbatim string.
 */
export function knownString(text: string, node: JsonNode | undefined, path: string): ConfigValue {
  if (!node || node.type === 'null') return { state: 'absent', path };
  if (node.type === 'number') return { state: 'known', value: String(node.value), path, range: rangeOf(node), verbatim: true };
  if (node.type !== 'string' || typeof node.value !== 'string' || node.value === '') return { state: 'absent', path };
  const inner = { start: node.offset + 1, end: node.offset + node.length - 1 };
  const verbatim = text.slice(inner.start, inner.end) === node.value;
  return { state: 'known', value: node.value, path, range: verbatim ? inner : rangeOf(node), verbatim };
}

/** A JSON boolean, or Keycloak's `"true"`/`"false"` strings. */
export function knownBoolean(node: JsonNode | undefined, path: string): ConfigValue<boolean> {
  const value = node?.type === 'boolean' ? node.value : node?.type === 'string' ? { true: true, false: false }[String(node.value)] : undefined;
  if (!node || typeof value !== 'boolean') return { state: 'absent', path };
  return { state: 'known', value, path, range: rangeOf(node), verbatim: node.type === 'boolean' };
}

/** A quoted Okta Expression Language string literal: `"43200"` or `'x'`, with no quote inside. */
const EL_STRING_LITERAL = /^\s*(?:"([^"\\]*)"|'([^'\\]*)')\s*$/;
/** Values every Okta + Connect guide enters as literals (facts §2.1): numbers, ARNs (and ARN pairs), URLs. */
const LITERAL_LOOKING = /^(?:\d+|arn:[^\s${}]*|https?:\/\/[^\s${}]*)$/;

/**
 * An Okta attribute statement value: Okta Expression Language, evaluated per user. It is taken as a
 * literal only when it is a quoted string, a number, an ARN or a URL; anything else (`user.email`,
 * `String.toLowerCase(user.login)`) is an expression, which no rule can check without the user.
 */
export function oktaElValue(text: string, node: JsonNode, path: string): ConfigValue {
  const value = knownString(text, node, path);
  if (value.state !== 'known') return value;
  const quoted = EL_STRING_LITERAL.exec(value.value);
  if (quoted) return { state: 'known', value: quoted[1] ?? quoted[2] ?? '', path, range: rangeOf(node), verbatim: false };
  if (LITERAL_LOOKING.test(value.value)) return value;
  return { state: 'expression', expression: value.value, path, range: value.range, ...oktaUserSource(value.value) };
}

/** The first user profile property an Okta expression or `${…}` template reads (`user.email`, `source.login`). */
const OKTA_PROFILE_PROPERTY = /\b((?:user|appuser|source|idpuser)\.[A-Za-z_]\w*)/;
/** Okta Expression Language's lower-casing function (facts §7). */
const OKTA_LOWER_CASE = /\bString\.toLowerCase\s*\(/;

export function oktaUserSource(expression: string): { reads: UserSource } | Record<string, never> {
  const attribute = OKTA_PROFILE_PROPERTY.exec(expression)?.[1];
  return attribute ? { reads: { idp: 'okta', attribute, lowerCased: OKTA_LOWER_CASE.test(expression) } } : {};
}

/** JSON written inside a JSON string (a claims mapping policy's `definition`), with its nodes' ranges in the file. */
export interface EmbeddedJson {
  root: JsonNode;
  /** The text the inner JSON was parsed from (the string's value). */
  text: string;
  /** The range in the file of the escaped text an inner node was read from. */
  rangeInFile(node: JsonNode): InputRange;
}

/**
 * Parses the JSON held by a string node. Inner offsets are offsets into the unescaped value, so each is
 * mapped back through the escapes of the string literal to the file, where the user reads it.
 */
export function embeddedJson(text: string, node: JsonNode | undefined): EmbeddedJson | undefined {
  const inner = node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
  if (!node || inner === undefined) return undefined;
  const doc = parseJson(inner, 'input');
  if (doc.problems.length || !doc.root) return undefined;
  // fileOffset[i]: where the value's i-th UTF-16 unit starts in the file (one past the end at i = length).
  const fileOffset = new Int32Array(inner.length + 1);
  let at = node.offset + 1;
  for (let i = 0; i < inner.length; i++) {
    fileOffset[i] = at;
    at += text.charCodeAt(at) !== 92 /* \\ */ ? 1 : text.charCodeAt(at + 1) === 117 /* u */ ? 6 : 2;
  }
  fileOffset[inner.length] = at;
  const toFile = (offset: number) => fileOffset[Math.min(offset, inner.length)] ?? at;
  return { root: doc.root, text: inner, rangeInFile: (n) => ({ start: toFile(n.offset), end: toFile(n.offset + n.length) }) };
}
