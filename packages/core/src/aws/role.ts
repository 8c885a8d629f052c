import type { ResponseView, SamlAttribute } from '../model/response.js';
import { attributesNamed } from '../saml/response.js';
import { textOf } from '../xml/dom.js';
import { parseIamArn, type IamArn, type ParsedIamArn } from './arn.js';
import { AWS_ATTRIBUTE } from './attributes.js';

/** One comma-separated part of a Role value; offsets are into the value text. */
export interface RolePairPart {
  /** The part without surrounding whitespace. */
  text: string;
  /** Where `text` starts and ends. */
  start: number;
  end: number;
  /** The part including its surrounding whitespace, up to the commas. */
  rawStart: number;
  rawEnd: number;
  parsed: ParsedIamArn;
}

export interface RolePair {
  value: string;
  /** The parts between commas, in order; a value with no comma has one part. */
  parts: RolePairPart[];
  /** Set only when the value is exactly one well-formed role ARN and one well-formed SAML-provider ARN, in either order. */
  role?: IamArn;
  provider?: IamArn;
}

/**
 * Parses a Role attribute value: a role ARN and a SAML-provider ARN separated by a comma. AWS documents
 * role-first, and clients report both orders work, so either is accepted (facts §4). Each part is
 * trimmed before it is parsed, so whitespace is reported on its own (AWS says nothing about it).
 */
export function parseRolePair(value: string): RolePair {
  const parts: RolePairPart[] = [];
  let rawStart = 0;
  for (const raw of value.split(',')) {
    const rawEnd = rawStart + raw.length;
    const start = rawStart + (raw.length - raw.trimStart().length);
    const end = Math.max(start, rawEnd - (raw.length - raw.trimEnd().length));
    const text = value.slice(start, end);
    parts.push({ text, start, end, rawStart, rawEnd, parsed: parseIamArn(text) });
    rawStart = rawEnd + 1;
  }
  const pair: RolePair = { value, parts };
  const arns = parts.map((p) => p.parsed.arn);
  if (arns.length === 2 && arns[0] && arns[1] && arns[0].type !== arns[1].type) {
    pair.role = arns[0].type === 'role' ? arns[0] : arns[1];
    pair.provider = arns[0].type === 'role' ? arns[1] : arns[0];
  }
  return pair;
}

export interface RoleValue {
  attribute: SamlAttribute;
  /** The AttributeValue element. */
  element: Element;
  pair: RolePair;
}

// The AWS and IAM rules each read the Role values of the same response: parsed once per response.
const ROLE_VALUES = new WeakMap<ResponseView, readonly RoleValue[]>();

/** Every value of every Role attribute (exact name), each parsed as a role-provider pair. */
export function roleValues(view: ResponseView): readonly RoleValue[] {
  let values = ROLE_VALUES.get(view);
  if (!values) {
    values = attributesNamed(view, AWS_ATTRIBUTE.role).flatMap((attribute) =>
      attribute.values.map((element) => ({ attribute, element, pair: parseRolePair(textOf(element)) })),
    );
    ROLE_VALUES.set(view, values);
  }
  return values;
}
