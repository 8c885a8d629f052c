import { items, property, stringOf, type JsonNode } from '../json/tree.js';

export type PolicyKind = 'trust' | 'permission';

/** An IAM policy document: a JSON object with a `Statement` (IAM-ROLE, CX-SAML examples). */
export function isPolicy(root: JsonNode | undefined): boolean {
  return property(root, 'Statement') !== undefined;
}

/**
 * A trust policy names who may assume the role (`Principal`) or grants `sts:AssumeRole*`; anything
 * else is a permission policy. Only a policy the user gave as input needs guessing: the flags say.
 */
export function policyKind(root: JsonNode): PolicyKind {
  const statements = items(property(root, 'Statement'));
  const trust = statements.some(
    (statement) =>
      property(statement, 'Principal') !== undefined ||
      property(statement, 'NotPrincipal') !== undefined ||
      items(property(statement, 'Action')).some((action) => /^sts:AssumeRole/i.test(stringOf(action) ?? '')),
  );
  return trust ? 'trust' : 'permission';
}
