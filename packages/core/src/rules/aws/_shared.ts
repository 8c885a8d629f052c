// Helpers the AWS rules share. Not a rule: index.ts does not export this module.
import { STS_NAME_CHARACTER, characterLength, describeCharacters, invalidCharacters } from '../../aws/charset.js';
import { AWS_ATTRIBUTE } from '../../aws/attributes.js';
import type { Location } from '../../model/finding.js';
import type { RuleContext } from '../../model/rule.js';
import type { ResponseView } from '../../model/response.js';
import { NS, firstChild } from '../../xml/dom.js';

/** Where to point when an attribute is missing: the AttributeStatement, else the Assertion. */
export function missingAttributeLocation(ctx: RuleContext, assertion: Element): Location {
  return ctx.at.element(firstChild(assertion, NS.saml, 'AttributeStatement') ?? assertion);
}

const EXACT_NAMES = [
  AWS_ATTRIBUTE.role,
  AWS_ATTRIBUTE.roleSessionName,
  AWS_ATTRIBUTE.sessionDuration,
  AWS_ATTRIBUTE.sourceIdentity,
  AWS_ATTRIBUTE.transitiveTagKeys,
];

/**
 * The exact AWS attribute name an Attribute Name was meant to be, when it differs only in case, in
 * `http://` for `https://`, or in surrounding whitespace; undefined for exact names and unrelated ones.
 * AWS matches names exactly, so such an attribute is ignored (facts §1, §4).
 */
export function intendedAwsAttributeName(name: string): string | undefined {
  const trimmed = name.trim();
  const exact = EXACT_BY_CANONICAL.get(canonicalName(trimmed));
  const prefix = AWS_ATTRIBUTE.principalTagPrefix;
  // The tag key keeps its case: keys are the user's, only the fixed prefix is compared loosely.
  const prefixLength = prefix.length - (/^http:\/\//i.test(trimmed) ? 1 : 0);
  const tag =
    canonicalName(trimmed.slice(0, prefixLength)) === prefix.toLowerCase() ? `${prefix}${trimmed.slice(prefixLength)}` : undefined;
  const intended = exact ?? tag;
  return intended === name ? undefined : intended;
}

/** A name as AWS's would be compared loosely: lower case, `http://` read as `https://`. */
function canonicalName(text: string): string {
  return text.toLowerCase().replace(/^http:\/\//, 'https://');
}

// Looked up for every attribute of every response: the exact names by their canonical form, once.
const EXACT_BY_CANONICAL = new Map(EXACT_NAMES.map((name) => [canonicalName(name), name]));

/** A note for a missing attribute when an attribute with a near-miss name is present, which AWS ignores. */
export function nearMissNotes(view: ResponseView, exactName: string): string[] {
  const nearMiss = view.attributes.find((a) => intendedAwsAttributeName(a.name) === exactName);
  return nearMiss ? [`AWS ignores the attribute named \`${nearMiss.name}\`: names must match exactly (see AWS016)`] : [];
}

/**
 * A problem of a RoleSessionName or SourceIdentity value, as the message ids and data AWS007 and AWS010
 * share; only surrounding whitespace is a warning (see stsNameProblems).
 */
export type NameProblem =
  | { messageId: 'empty'; data: Record<string, never>; severity?: undefined }
  | { messageId: 'characters'; data: { value: string; characters: string }; severity?: undefined }
  | { messageId: 'tooShort'; data: { value: string; length: number }; severity?: undefined }
  | { messageId: 'tooLong'; data: { length: number }; severity?: undefined }
  | { messageId: 'surroundingWhitespace'; data: { value: string }; severity: 'warning' };

/**
 * What is wrong with a RoleSessionName or SourceIdentity value against `^[A-Za-z0-9_+=,.@-]{2,64}$`
 * (facts §1, §5): the characters first, since a display name with spaces is the usual cause, then the length.
 * Whitespace around the value (a pretty-printed AttributeValue) is a warning and the rest is checked
 * without it: AWS says nothing about trimming, as for the Role (facts §2, AWS-ROLE-002, where AWS003
 * warns), and a false error costs more than a missed warning. Whitespace inside the value is an error.
 */
export function stsNameProblems(raw: string): NameProblem[] {
  const value = raw.trim();
  const padded = value !== raw && value !== '' ? [{ messageId: 'surroundingWhitespace' as const, data: { value: raw }, severity: 'warning' as const }] : [];
  return [...padded, ...trimmedNameProblems(value)];
}

function trimmedNameProblems(value: string): NameProblem[] {
  if (value === '') return [{ messageId: 'empty', data: {} }];
  const found: NameProblem[] = [];
  const characters = invalidCharacters(value, STS_NAME_CHARACTER);
  if (characters.length) found.push({ messageId: 'characters', data: { value, characters: describeCharacters(characters) } });
  const length = characterLength(value);
  if (length < 2) found.push({ messageId: 'tooShort', data: { value, length } });
  if (length > 64) found.push({ messageId: 'tooLong', data: { length } });
  return found;
}
