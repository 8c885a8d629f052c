// Helpers the AWS rules share. Not a rule: index.ts does not export this module.
import type { ArnDefect, IamArnType } from '../../aws/arn.js';
import { STS_NAME_CHARACTER, characterLength, invalidCharacters } from '../../aws/charset.js';
import { AWS_ATTRIBUTE } from '../../aws/attributes.js';
import { parseSignInEndpoint, type SignInEndpoint } from '../../aws/endpoints.js';
import type { Location } from '../../model/finding.js';
import type { RuleContext } from '../../model/rule.js';
import { bearerConfirmationData, type ResponseView, type SamlAttribute } from '../../saml/response.js';
import { NS, attribute, firstChild, textOf } from '../../xml/dom.js';

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

/** Where to point when an attribute is missing: the AttributeStatement, else the Assertion. */
export function missingAttributeLocation(ctx: RuleContext, assertion: Element): Location {
  return ctx.at.element(firstChild(assertion, NS.saml, 'AttributeStatement') ?? assertion);
}

const CHARACTER_NAMES: Record<string, string> = {
  ' ': 'a space',
  '\t': 'a tab',
  '\n': 'a line break',
  '\r': 'a carriage return',
  '\u00a0': 'a no-break space (U+00A0)',
};

/** Names characters for a message: printable ones in backticks, invisible ones by name or code point. */
export function describeCharacters(characters: readonly string[]): string {
  return characters
    .map((ch) => {
      const named = CHARACTER_NAMES[ch];
      if (named) return named;
      const code = ch.codePointAt(0) ?? 0;
      const invisible = /[\p{C}\p{Z}]/u.test(ch);
      return invisible ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `\`${ch}\``;
    })
    .join(', ');
}

const NAME_OF: Record<IamArnType, string> = { role: 'role name', 'saml-provider': 'provider name' };

/** Why an ARN is malformed, as the end of a sentence that starts with the ARN. */
export function describeArnDefect(defect: ArnDefect): string {
  switch (defect.kind) {
    case 'not-an-arn':
      return 'is not an ARN';
    case 'partition':
      return `has partition \`${defect.partition}\`, not \`aws\`, \`aws-us-gov\` or \`aws-cn\``;
    case 'service':
      return `has service \`${defect.service}\`, not \`iam\``;
    case 'region':
      return `has region \`${defect.region}\`, but IAM ARNs have none`;
    case 'account':
      return defect.account === '' ? 'has no account ID' : `has account ID \`${defect.account}\`, not 12 digits`;
    case 'resource-type':
      return `is neither a role nor a saml-provider ARN (resource type \`${defect.resource}\`)`;
    case 'path':
      return defect.characters.length
        ? `has a role path with ${describeCharacters(defect.characters)}, which IAM does not allow`
        : `has a role path of ${defect.length} characters, over 512`;
    case 'name-empty':
      return `has no ${NAME_OF[defect.type]}`;
    case 'name-length':
      return `has a ${NAME_OF[defect.type]} of ${defect.length} characters, over ${defect.max}`;
    case 'name-characters':
      return `has a ${NAME_OF[defect.type]} with ${describeCharacters(defect.characters)}, which IAM does not allow`;
  }
}

export interface RecipientEndpoint {
  /** The SubjectConfirmationData that carries the Recipient. */
  element: Element;
  recipient: string;
  /** Undefined when the Recipient is not an AWS sign-in SAML endpoint. */
  endpoint?: SignInEndpoint;
}

/** The Recipient of every bearer SubjectConfirmationData that has one, classified as a sign-in endpoint. */
export function recipients(view: ResponseView): RecipientEndpoint[] {
  return bearerConfirmationData(view).flatMap((element) => {
    const recipient = attribute(element, 'Recipient');
    return recipient === undefined ? [] : [{ element, recipient, endpoint: parseSignInEndpoint(recipient) }];
  });
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

/** A problem of a RoleSessionName or SourceIdentity value, as the message ids and data AWS007 and AWS010 share. */
export type NameProblem =
  | { messageId: 'empty'; data: Record<string, never> }
  | { messageId: 'characters'; data: { value: string; characters: string } }
  | { messageId: 'tooShort'; data: { value: string; length: number } }
  | { messageId: 'tooLong'; data: { length: number } };

/**
 * What is wrong with a RoleSessionName or SourceIdentity value against `^[A-Za-z0-9_+=,.@-]{2,64}$`
 * (facts §1, §5): the characters first, since a display name with spaces is the usual cause, then the length.
 */
export function stsNameProblems(value: string): NameProblem[] {
  if (value === '') return [{ messageId: 'empty', data: {} }];
  const found: NameProblem[] = [];
  const characters = invalidCharacters(value, STS_NAME_CHARACTER);
  if (characters.length) found.push({ messageId: 'characters', data: { value, characters: describeCharacters(characters) } });
  const length = characterLength(value);
  if (length < 2) found.push({ messageId: 'tooShort', data: { value, length } });
  if (length > 64) found.push({ messageId: 'tooLong', data: { length } });
  return found;
}

export interface PrincipalTag {
  attribute: SamlAttribute;
  /** The tag key: the Attribute Name after `…/PrincipalTag:`. */
  key: string;
}

/** Every PrincipalTag attribute (exact prefix), in document order. */
export function principalTags(view: ResponseView): PrincipalTag[] {
  const prefix = AWS_ATTRIBUTE.principalTagPrefix;
  return view.attributes
    .filter((a) => a.name.startsWith(prefix))
    .map((attribute) => ({ attribute, key: attribute.name.slice(prefix.length) }));
}
