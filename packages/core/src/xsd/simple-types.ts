import type { SchemaTables, SimpleType, TypeRef } from './tables.js';

/** Why a value is not of its type: not in the type's lexical space, not one of its enumeration, or too long. */
export type ValueProblem = { kind: 'lexical'; type: string } | { kind: 'enumeration'; type: string; allowed: string[] } | { kind: 'length'; type: string; maxLength: number };

// XML 1.0 (5th ed.) NameStartChar without ':' (an NCName), and NameChar.
const NAME_START = 'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NCNAME = `[${NAME_START}][${NAME_CHAR}]*`;
const NCNAME_VALUE = new RegExp(`^${NCNAME}$`, 'u');
const QNAME_VALUE = new RegExp(`^(?:${NCNAME}:)?${NCNAME}$`, 'u');

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DATE_TIME = /^-?(\d{4,})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.\d+)?(Z|[+-](\d\d):(\d\d))?$/;

function isDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] as number)) return false;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return false;
  if (minute > 59 || second > 59) return false;
  // 24:00:00 is the end of the day, with no fraction.
  if (hour > 24 || (hour === 24 && (minute !== 0 || second !== 0 || value.includes('.')))) return false;
  if (m[8] !== undefined && (Number(m[8]) > 14 || Number(m[9]) > 59 || (Number(m[8]) === 14 && Number(m[9]) !== 0))) return false;
  return true;
}

function isInteger(value: string, min: bigint | undefined, max?: bigint): boolean {
  if (!/^[+-]?\d+$/.test(value)) return false;
  const n = BigInt(value);
  return (min === undefined || n >= min) && (max === undefined || n <= max);
}

/** The built-in types the SAML schemas use, by lexical space; a built-in not listed takes any text. */
const BUILT_IN: Record<string, (value: string) => boolean> = {
  'xs:dateTime': isDateTime,
  'xs:boolean': (v) => /^(true|false|1|0)$/.test(v),
  'xs:integer': (v) => isInteger(v, undefined),
  'xs:nonNegativeInteger': (v) => isInteger(v, 0n),
  'xs:positiveInteger': (v) => isInteger(v, 1n),
  'xs:unsignedShort': (v) => isInteger(v, 0n, 65535n),
  'xs:ID': (v) => NCNAME_VALUE.test(v),
  'xs:NCName': (v) => NCNAME_VALUE.test(v),
  'xs:QName': (v) => QNAME_VALUE.test(v),
  'xs:language': (v) => /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(v),
  'xs:duration': (v) => /^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/.test(v),
  'xs:base64Binary': isBase64,
  'xs:anyURI': isUri,
};

/** Each base64 letter's value, by character code; -1 for characters outside the alphabet. */
const BASE64_DIGITS = (() => {
  const digits = new Int8Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) digits[alphabet.charCodeAt(i)] = i;
  return digits;
})();
const EQUALS = 0x3d;

/**
 * base64Binary as libxml2 reads it, since the SPs that validate (python3-saml through lxml, php-saml
 * through DOMDocument) use libxml2: characters outside the alphabet are passed over (RFC 2045), no
 * letter may follow padding, the letters come in fours, and the last before padding has no stray bits.
 * By character code, not by iterator: certificates and signature values make it the validator's busiest check.
 */
function isBase64(value: string): boolean {
  let letters = 0;
  let padding = 0;
  let last = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === EQUALS) {
      padding++;
      continue;
    }
    const digit = code < 128 ? (BASE64_DIGITS[code] as number) : -1;
    if (digit < 0) continue;
    if (padding) return false;
    letters++;
    last = digit;
  }
  if (padding === 0) return letters % 4 === 0;
  if (padding === 1) return letters % 4 === 3 && (last & 0x03) === 0;
  if (padding === 2) return letters % 4 === 2 && (last & 0x0f) === 0;
  return false;
}

/**
 * anyURI: XML Schema allows nearly any text (spaces are escaped before parsing); libxml2 refuses what
 * its URI parser cannot read. samlint refuses the same common cases: a malformed percent escape, an
 * empty scheme, an unclosed IPv6 literal.
 */
function isUri(value: string): boolean {
  if (/%(?![0-9A-Fa-f]{2})/.test(value) || value.startsWith(':')) return false;
  const open = value.indexOf('[');
  return open < 0 || value.indexOf(']', open) > open;
}

/** Built-ins whose whitespace is kept as it is (whiteSpace `preserve`); every other type collapses it. */
const PRESERVES_WHITESPACE = new Set(['xs:string', 'xs:anySimpleType', 'xs:anyType']);

export function builtInName(ref: TypeRef, tables: SchemaTables): string | undefined {
  for (let current: TypeRef | undefined = ref; current !== undefined; ) {
    if (typeof current === 'string') {
      if (current.startsWith('xs:')) return current;
      current = tables.types[current];
    } else if (current.kind === 'simple' && current.base !== undefined) {
      current = current.base;
    } else {
      return undefined;
    }
  }
  return undefined;
}

function collapse(value: string): string {
  // Most values have no whitespace to collapse: spare them the copy.
  return /[\t\r\n]| {2}|^ | $/.test(value) ? value.replace(/[ \t\r\n]+/g, ' ').trim() : value;
}

/** The name of a type as a message shows it: `xs:dateTime`, or the schema's name for a named type. */
export function typeName(ref: TypeRef, tables: SchemaTables, prefixOf: (name: string) => string): string {
  if (typeof ref === 'string') return ref.startsWith('xs:') ? ref : prefixOf(ref);
  if (ref.kind === 'simple' && ref.union) return ref.union.map((member) => typeName(member, tables, prefixOf)).join(' or ');
  if (ref.kind === 'simple' && ref.enumeration) return ref.enumeration.map((value) => JSON.stringify(value)).join(' or ');
  return builtInName(ref, tables) ?? 'xs:anySimpleType';
}

/** Whether `value` is of simple type `ref`; undefined when it is, else why not. */
export function checkValue(
  value: string,
  ref: TypeRef,
  tables: SchemaTables,
  prefixOf: (name: string) => string,
): ValueProblem | undefined {
  // The type's name is for the message only: spelt out when there is a problem to report.
  const name = (): string => typeName(ref, tables, prefixOf);
  const type: SimpleType | undefined = typeof ref === 'string' ? (ref.startsWith('xs:') ? undefined : (tables.types[ref] as SimpleType)) : (ref as SimpleType);
  if (type?.list) {
    for (const item of collapse(value).split(' ').filter(Boolean)) {
      if (checkValue(item, type.list, tables, prefixOf)) return { kind: 'lexical', type: name() };
    }
    return undefined;
  }
  if (type?.union) {
    return type.union.some((member) => !checkValue(value, member, tables, prefixOf)) ? undefined : { kind: 'lexical', type: name() };
  }
  const builtIn = builtInName(ref, tables) ?? 'xs:anySimpleType';
  const normalised = PRESERVES_WHITESPACE.has(builtIn) ? value : collapse(value);
  if (BUILT_IN[builtIn] && !BUILT_IN[builtIn](normalised)) return { kind: 'lexical', type: name() };
  // Facets of each restriction from this type down to the built-in.
  for (let current: TypeRef | undefined = ref; current !== undefined && !(typeof current === 'string' && current.startsWith('xs:')); ) {
    const step = (typeof current === 'string' ? tables.types[current] : current) as SimpleType | undefined;
    if (!step || step.kind !== 'simple') break;
    if (step.enumeration && !step.enumeration.includes(normalised)) return { kind: 'enumeration', type: name(), allowed: step.enumeration };
    if (step.maxLength !== undefined && [...normalised].length > step.maxLength) return { kind: 'length', type: name(), maxLength: step.maxLength };
    current = step.base;
  }
  return undefined;
}
