// AD FS issuance transform rules (the claim rule language, facts idp-config-exports.md §5) read as the
// attributes they issue. Not an evaluator: the forms the AWS guides use are recognised — an LDAP query
// of the Active Directory store, a claim passed through, a constant, a string joined to an incoming
// value, RegExReplace of group names into Role ARNs — and claims added for later rules are followed.
// Anything else that issues a claim is an expression (not checked); a rule that cannot be read is named
// as not recognised. One pass over the text: tokens, then rules, each read once.
import type { AttributeConfig, ConfigValue, NotRecognised, UserSource } from '../model/idp-config.js';
import { AWS_ATTRIBUTE } from '../aws/attributes.js';
import type { InputRange } from '../model/capture.js';
import type { LocatedText } from './located-text.js';

/** AD FS sends this claim type as the NameID, not as an Attribute. */
const NAME_ID_CLAIM = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier';
const AWS_ATTRIBUTE_PREFIX = 'https://aws.amazon.com/SAML/Attributes/';
/** Rules past this many are named as not read: a trust has tens of rules, not thousands. */
export const MAX_CLAIM_RULES = 500;
/**
 * Rules may feed a claim type into itself (`c:[Type == "t"] => add(Type = "t", Value = c.Value + c.Value)`):
 * the claims kept per type and the length of a description are bounded, so such rules cannot double them.
 */
const MAX_SOURCES_PER_TYPE = 20;
const MAX_DESCRIPTION = 300;
/**
 * What stands for the rest of a group's name where a Role template ends in `role/` and the group name
 * gives the whole role name: any name of the role-name characters would do.
 */
const GROUP_NAME_STAND_IN = 'GROUP';

type TokenKind = 'string' | 'word' | 'punct';

interface Token {
  kind: TokenKind;
  /** A string's value (quotes and escapes resolved, line breaks of a wrapped list view dropped), or the token's text. */
  text: string;
  /** Offsets in the rules' text. */
  start: number;
  end: number;
  /** A string whose value is exactly the text between its quotes. */
  plain?: boolean;
}

const PUNCTUATION = ['=>', '==', '!=', '=~', '!~', '&&', '||', '=', '@', ':', '[', ']', '(', ')', ',', ';', '.', '+'];

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code <= 32 || code === 0xfeff) {
      i++;
    } else if (code === 34) {
      const start = i;
      let value = '';
      let plain = true;
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) {
          value += text[i + 1];
          plain = false;
          i += 2;
        } else if (text[i] === '\n' || text[i] === '\r') {
          // A list view wraps a long line, mid-string too; no string of the rule language spans lines.
          plain = false;
          i++;
        } else {
          value += text[i];
          i++;
        }
      }
      i = Math.min(i + 1, text.length);
      tokens.push({ kind: 'string', text: value, start, end: i, plain });
    } else if (isWordChar(code)) {
      const start = i;
      while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
      tokens.push({ kind: 'word', text: text.slice(start, i), start, end: i });
    } else {
      const punct = PUNCTUATION.find((p) => text.startsWith(p, i)) ?? text[i] ?? '';
      tokens.push({ kind: 'punct', text: punct, start: i, end: i + punct.length });
      i += punct.length;
    }
  }
  return tokens;
}

/** Where a claim's value comes from: in words, as IDP001 names it, and the user's value it reads. */
interface ClaimSource {
  description: string;
  reads?: UserSource;
}

/**
 * Queries of an attribute store that lower-case the value: Microsoft's String Processing Attribute
 * Store example (`query = "toLower"`, AD FS 2.0 SDK) and SQL's LOWER(). The claim rule language itself
 * has no lower-casing function.
 */
const LOWER_CASING_QUERY = /^toLower$|\blower\s*\(/i;

/** A rule's value expression: pieces joined with `+`, each a string, an incoming value (`c.Value`) or RegExReplace of one. */
type Piece = { kind: 'literal'; token: Token } | { kind: 'value'; variable: string; token: Token } | { kind: 'regex'; variable: string; pattern: Token; replacement: Token; token: Token };

interface Issued {
  type: string;
  /** Where the claim type is written (`types = ("…")`, `Type = "…"`, or the `c` of `claim = c`): the attribute's place. */
  typeAt: { start: number; end: number };
  /** The value as the rule writes it; undefined when samlint does not read the form. */
  pieces?: Piece[];
  /** A value from an attribute store, already described. */
  source?: ClaimSource & { at: { start: number; end: number } };
  /** Where the value is written, for an expression samlint does not read. */
  at: { start: number; end: number };
}

interface Rule {
  name: string;
  tokens: Token[];
  start: number;
  end: number;
}

function splitRules(tokens: Token[]): Rule[] {
  const rules: Rule[] = [];
  let depth = 0;
  let first = 0;
  let name = '';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind === 'punct' && (token.text === '(' || token.text === '[')) depth++;
    else if (token.kind === 'punct' && (token.text === ')' || token.text === ']')) depth = Math.max(0, depth - 1);
    if (token.kind === 'punct' && token.text === '@' && tokens[i + 1]?.text.toLowerCase() === 'rulename' && tokens[i + 3]?.kind === 'string') name = tokens[i + 3]?.text ?? '';
    if ((token.kind === 'punct' && token.text === ';' && depth === 0) || i === tokens.length - 1) {
      const ruleTokens = tokens.slice(first, i + 1);
      rules.push({ name, tokens: ruleTokens, start: ruleTokens[0]?.start ?? 0, end: token.end });
      first = i + 1;
      name = '';
      depth = 0;
    }
  }
  return rules;
}

const is = (token: Token | undefined, text: string) => token?.kind === 'punct' && token.text === text;
const isWord = (token: Token | undefined, word: string) => token?.kind === 'word' && token.text.toLowerCase() === word;

/** The matching close of the bracket at `open`, or -1. */
function closing(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const text = tokens[i]?.kind === 'punct' ? tokens[i]?.text : '';
    if (text === '(' || text === '[') depth++;
    else if (text === ')' || text === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Tokens split at the commas outside brackets. */
function splitArguments(tokens: Token[]): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if (is(token, '(') || is(token, '[')) depth++;
    else if (is(token, ')') || is(token, ']')) depth--;
    if (depth === 0 && is(token, ',')) parts.push([]);
    else parts[parts.length - 1]?.push(token);
  }
  return parts.filter((part) => part.length > 0);
}

/** `c:[Type == "…", …]` bindings of a condition: variable → claim type (the first `Type ==` inside its brackets). */
function bindings(tokens: Token[]): Map<string, string> {
  const bound = new Map<string, string>();
  let variable: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind === 'word' && is(tokens[i + 1], ':') && is(tokens[i + 2], '[')) {
      variable = token.text;
      i += 2;
    } else if (is(token, ']')) {
      variable = undefined;
    } else if (variable !== undefined && !bound.has(variable) && isWord(token, 'type') && is(tokens[i + 1], '==') && tokens[i + 2]?.kind === 'string') {
      bound.set(variable, tokens[i + 2]?.text ?? '');
    }
  }
  return bound;
}

/** A value expression as pieces joined by `+`, or undefined for a form samlint does not read. */
function pieces(tokens: Token[]): Piece[] | undefined {
  const out: Piece[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as Token;
    if (token.kind === 'string') {
      out.push({ kind: 'literal', token });
      i++;
    } else if (token.kind === 'word' && is(tokens[i + 1], '.') && isWord(tokens[i + 2], 'value')) {
      out.push({ kind: 'value', variable: token.text, token });
      i += 3;
    } else if (isWord(token, 'regexreplace') && is(tokens[i + 1], '(')) {
      const end = closing(tokens, i + 1);
      const args = end < 0 ? [] : splitArguments(tokens.slice(i + 2, end));
      const [subject, pattern, replacement] = args;
      if (args.length !== 3 || subject?.length !== 3 || !isWord(subject[2], 'value') || pattern?.length !== 1 || pattern[0]?.kind !== 'string' || replacement?.length !== 1 || replacement[0]?.kind !== 'string') return undefined;
      out.push({ kind: 'regex', variable: subject[0]?.text ?? '', pattern: pattern[0], replacement: replacement[0], token });
      i = end + 1;
    } else {
      return undefined;
    }
    if (i < tokens.length) {
      if (!is(tokens[i], '+')) return undefined;
      i++;
    }
  }
  return out.length ? out : undefined;
}

/** `;mail,sAMAccountName;{0}` (an LDAP filter, the attributes, the parameters): the attributes, or undefined for a query of another kind. */
function ldapAttributes(query: string): string[] | undefined {
  const fields = query.split(';');
  if (fields.length < 2 || fields.length > 3) return undefined;
  const attributes = (fields[1] ?? '').split(',').map((attribute) => attribute.trim());
  return attributes.every((attribute) => /^[A-Za-z][\w-]*$/.test(attribute)) ? attributes : undefined;
}

/** What an `issue` or `add` writes: its claim types with their values, or undefined when samlint does not read its arguments. */
function issued(args: Token[][], bound: Map<string, string>, sources: Sources): Issued[] | undefined {
  const named = new Map<string, Token[]>();
  for (const arg of args) {
    const key = arg[0];
    if (key?.kind !== 'word') return undefined;
    const equals = arg.findIndex((token) => is(token, '='));
    if (equals < 0) return undefined;
    named.set(key.text.toLowerCase(), arg.slice(equals + 1));
  }
  const span = (tokens: Token[]) => ({ start: tokens[0]?.start ?? 0, end: tokens[tokens.length - 1]?.end ?? 0 });
  const claim = named.get('claim');
  if (claim) {
    // `issue(claim = c)`: the incoming claim as it is.
    const type = claim.length === 1 && claim[0] ? bound.get(claim[0].text) : undefined;
    return type === undefined ? undefined : [{ type, typeAt: span(claim), pieces: [{ kind: 'value', variable: claim[0]?.text ?? '', token: claim[0] as Token }], at: span(claim) }];
  }
  const store = named.get('store');
  if (store) {
    const types = (named.get('types') ?? []).filter((token) => token.kind === 'string');
    const query = named.get('query');
    const param = pieces(named.get('param') ?? []);
    const queryToken = query?.length === 1 && query[0]?.kind === 'string' ? query[0] : undefined;
    if (!types.length || !queryToken || !param) return undefined;
    const storeName = store[0]?.text ?? '';
    const attributes = ldapAttributes(queryToken.text);
    if (attributes) {
      return types.map((type, index) => {
        const attribute = attributes[index] ?? '';
        const offset = queryToken.plain ? queryToken.text.indexOf(attribute) : -1;
        const at = offset >= 0 && attribute ? { start: queryToken.start + 1 + offset, end: queryToken.start + 1 + offset + attribute.length } : span([queryToken]);
        return { type: type.text, typeAt: span([type]), source: { description: `the ${storeName} attribute ${attribute || '(none)'}`, reads: { idp: 'adfs', attribute, lowerCased: false }, at }, at };
      });
    }
    const inner = describe(param, bound, sources);
    const read = readsOf(param, bound, sources);
    const reads = read && { idp: 'adfs' as const, attribute: read.attribute, lowerCased: read.lowerCased || LOWER_CASING_QUERY.test(queryToken.text) };
    const description = `${inner}, through the store “${storeName}” (query “${queryToken.text}”)`;
    return types.map((type) => ({ type: type.text, typeAt: span([type]), source: { description, ...(reads && { reads }), at: span([queryToken]) }, at: span([queryToken]) }));
  }
  const type = named.get('type');
  const value = named.get('value');
  if (type?.length !== 1 || type[0]?.kind !== 'string' || !value) return undefined;
  return [{ type: type[0].text, typeAt: span(type), pieces: pieces(value), at: span(value) }];
}

/** The claims of each type the rules so far have issued or added, by lower-cased type (AD FS compares types without case). */
type Sources = Map<string, ClaimSource[]>;

/** What a rule's `c.Value` holds: what an earlier rule wrote for the claim type, else the incoming claim itself. */
function sourceOf(variable: string, bound: Map<string, string>, sources: Sources): ClaimSource {
  const type = bound.get(variable);
  if (type === undefined) return { description: `the claim ${variable}` };
  return sources.get(type.toLowerCase())?.[0] ?? { description: `the claim ${type}`, reads: { idp: 'adfs', attribute: type, lowerCased: false } };
}

/** The user's value a value expression reads: its first incoming value's (RegExReplace and joins do not change case). */
function readsOf(parts: Piece[], bound: Map<string, string>, sources: Sources): UserSource | undefined {
  const first = parts.find((piece) => piece.kind !== 'literal');
  return first && sourceOf(first.variable, bound, sources).reads;
}

/** Where a value from an incoming claim or an earlier rule comes from, in words. */
function describe(parts: Piece[], bound: Map<string, string>, sources: Sources): string {
  const described = parts
    .map((piece) => {
      if (piece.kind === 'literal') return `"${piece.token.text}"`;
      const from = sourceOf(piece.variable, bound, sources).description;
      return piece.kind === 'regex' ? `RegExReplace(${from}, "${piece.pattern.text}", "${piece.replacement.text}")` : from;
    })
    .join(' + ');
  return described.length > MAX_DESCRIPTION ? `${described.slice(0, MAX_DESCRIPTION - 1)}…` : described;
}

export interface ClaimRulesRead {
  attributes: AttributeConfig[];
  notRecognised: NotRecognised[];
}

/**
 * The attributes a trust's issuance transform rules send. `path` names the rules in findings; values
 * the rules write as literals are known, with their ranges in the file.
 */
export function readClaimRules(rules: LocatedText, path: string): ClaimRulesRead {
  const tokens = tokenize(rules.text);
  const all = splitRules(tokens);
  const sources: Sources = new Map();
  const attributes = new Map<string, AttributeConfig>();
  const notRecognised: NotRecognised[] = [];
  const label = (rule: Rule, index: number) => (rule.name ? `claim rule “${rule.name}”` : `claim rule ${index + 1}`);
  for (const [index, rule] of all.slice(0, MAX_CLAIM_RULES).entries()) {
    const at = rules.range(rule.start, rule.end);
    const arrow = rule.tokens.findIndex((token) => is(token, '=>'));
    const action = rule.tokens[arrow + 1];
    const open = arrow + 2;
    const close = arrow < 0 ? -1 : closing(rule.tokens, open);
    const kind = action?.text.toLowerCase();
    const ruleName = label(rule, index);
    const readable = arrow >= 0 && (kind === 'issue' || kind === 'add') && is(rule.tokens[open], '(') && close >= 0;
    const bound = bindings(rule.tokens.slice(0, Math.max(arrow, 0)));
    const writes = readable ? issued(splitArguments(rule.tokens.slice(open + 1, close)), bound, sources) : undefined;
    if (!writes) {
      // A rule samlint cannot read that names an AWS attribute may issue it: the attribute is there, its value not checked.
      const awsTypes = new Set(rule.tokens.filter((token) => token.kind === 'string' && token.text.startsWith(AWS_ATTRIBUTE_PREFIX)).map((token) => token.text));
      for (const type of awsTypes) {
        const value: ConfigValue = { state: 'expression', expression: `what ${ruleName} issues, a form samlint does not read`, path: `${path}, ${ruleName}`, range: at };
        addValues(attributes, type, `${path}, ${ruleName}`, at, [value]);
      }
      if (!awsTypes.size) notRecognised.push({ what: ruleName, range: at, why: readable ? 'samlint does not read the form of its arguments' : 'it is no `condition => issue(…)` or `add(…)` rule samlint reads' });
      continue;
    }
    for (const write of writes) {
      const values = valuesOf(write, bound, sources, rules, `${path}, ${ruleName}`);
      const key = write.type.toLowerCase();
      const known = sources.get(key) ?? [];
      sources.set(key, known);
      for (const value of values.slice(0, MAX_SOURCES_PER_TYPE - known.length)) {
        if (value.state === 'known') known.push({ description: `"${value.value}"` });
        else if (value.state === 'expression') known.push({ description: value.expression, ...(value.reads && { reads: value.reads }) });
      }
      if (kind === 'issue' && write.type !== NAME_ID_CLAIM) addValues(attributes, write.type, `${path}, ${ruleName}`, rules.range(write.typeAt.start, write.typeAt.end), values);
    }
  }
  if (all.length > MAX_CLAIM_RULES) {
    const first = all[MAX_CLAIM_RULES] as Rule;
    notRecognised.push({ what: `the ${all.length - MAX_CLAIM_RULES} claim rules after the ${MAX_CLAIM_RULES}th`, range: rules.range(first.start, first.end), why: `samlint reads the first ${MAX_CLAIM_RULES}` });
  }
  return { attributes: [...attributes.values()], notRecognised };
}

/** AD FS sends the claims of one type as one Attribute with a value each. */
function addValues(attributes: Map<string, AttributeConfig>, type: string, path: string, range: InputRange, values: ConfigValue[]): void {
  const attribute = attributes.get(type) ?? { name: type, path, range, values: [] };
  attributes.set(type, attribute);
  attribute.values.push(...values.slice(0, MAX_SOURCES_PER_TYPE - attribute.values.length));
}

/** The values one issued claim type gets: a literal is known, a Role template is checked as the ARNs it writes, the rest are expressions. */
function valuesOf(write: Issued, bound: Map<string, string>, sources: Sources, rules: LocatedText, path: string): ConfigValue[] {
  const range = rules.range(write.at.start, write.at.end);
  const { source } = write;
  if (source) return [{ state: 'expression', expression: source.description, path, range: rules.range(source.at.start, source.at.end), ...(source.reads && { reads: source.reads }) }];
  const parts = write.pieces;
  if (!parts) return [{ state: 'expression', expression: `a value samlint does not read`, path, range }];
  const [only] = parts;
  if (parts.length === 1 && only?.kind === 'literal') return [literal(only.token, rules, path)];
  if (parts.every((piece) => piece.kind === 'literal')) {
    return [{ state: 'known', value: parts.map((piece) => piece.token.text).join(''), path, range, verbatim: false }];
  }
  if (write.type === AWS_ATTRIBUTE.role) {
    const template = roleTemplate(parts, rules, path);
    if (template) return [template];
  }
  // One claim per value of the incoming claim (or of each claim an earlier rule wrote for it).
  const type = only?.kind === 'value' && parts.length === 1 ? bound.get(only.variable) : undefined;
  const earlier = type === undefined ? undefined : sources.get(type.toLowerCase());
  if (earlier?.length) return earlier.map((claim) => ({ state: 'expression', expression: claim.description, path, range, ...(claim.reads && { reads: claim.reads }) }));
  const reads = readsOf(parts, bound, sources);
  return [{ state: 'expression', expression: describe(parts, bound, sources), path, range, ...(reads && { reads }) }];
}

function literal(token: Token, rules: LocatedText, path: string): ConfigValue {
  const value = rules.known(path, token.start + 1, token.end - 1);
  if (token.plain || value.state !== 'known') return value;
  return { ...value, value: token.text, verbatim: false };
}

/**
 * A Role value built from a group name: `"arn:…:saml-provider/ADFS,arn:…:role/ADFS-" + c.Value`, or
 * RegExReplace of the group name's prefix with that text (AWS's AD FS rule). What the rule writes is
 * the ARN pair up to the group name's rest, which only ends the role name: that text is checked, with
 * a stand-in for the rest when the group name is the whole role name. A replacement that uses the
 * pattern's groups (`$1`) or a group name in front of the ARNs is an expression.
 */
function roleTemplate(parts: Piece[], rules: LocatedText, path: string): ConfigValue | undefined {
  const written: Token[] = [];
  for (const [index, piece] of parts.entries()) {
    const last = index === parts.length - 1;
    if (piece.kind === 'literal' && !last) written.push(piece.token);
    else if (piece.kind === 'regex' && last && !piece.replacement.text.includes('$')) written.push(piece.replacement);
    else if (!(piece.kind === 'value' && last)) return undefined;
  }
  const text = written.map((token) => token.text).join('');
  if (!text.startsWith('arn:')) return undefined;
  const first = written[0] as Token;
  const lastToken = written[written.length - 1] as Token;
  const onlyOne = written.length === 1 && first.plain === true;
  const needsStandIn = /[/:]$/.test(text);
  const value = needsStandIn ? text + GROUP_NAME_STAND_IN : text;
  const range = rules.range(first.start + 1, lastToken.end - 1);
  return { state: 'known', value, path, range, verbatim: onlyOne && !needsStandIn && rules.isVerbatim(first.start + 1, first.end - 1) };
}
