// What one statement says about one request: does it cover the action, the resource, the principal,
// and do its conditions hold. samlint knows only some request values (the Recipient as `saml:aud`,
// the instance id as `connect:InstanceId`); a condition on any other key is assumed to hold, so
// findings never rest on a value samlint had to guess.
import { globMatch } from './glob.js';
import { POLICY_VERSION, conditionKeyIs, type Policy, type PolicyCondition, type PolicyStatement } from './policy.js';

/** Whether `${…}` in the policy is a variable: only in the 2012-10-17 language (IAM policy variables reference). */
export function variablesOn(policy: Policy): boolean {
  return policy.version === POLICY_VERSION;
}

/** Whether Action (or NotAction) covers `action`; action names are not case-sensitive. */
export function coversAction(statement: PolicyStatement, action: string): boolean {
  const element = statement.action;
  if (!element) return false;
  const listed = element.values.some((value) => globMatch(value.text, action, { ignoreCase: true }));
  return element.negated ? !listed : listed;
}

/**
 * Whether Principal (or NotPrincipal) names the SAML provider `providerArn`: `*`, `{"AWS": "*"}`, or
 * the ARN in `Federated`, compared exactly (a Principal takes no wildcards). A statement without a
 * Principal (a permission policy) applies to the identity it is attached to.
 */
export function coversProvider(statement: PolicyStatement, providerArn: string): boolean {
  const principal = statement.principal;
  if (!principal) return true;
  const named =
    principal.any ||
    principal.entries.some(
      (entry) =>
        (entry.type === 'Federated' && entry.values.some((value) => value.text === providerArn)) ||
        (entry.type === 'AWS' && entry.values.some((value) => value.text === '*')),
    );
  return principal.negated ? !named : named;
}

interface StringOperator {
  like?: boolean;
  ignoreCase?: boolean;
  negated?: boolean;
}

/** The string operators samlint evaluates, by lower-cased name. */
const STRING_OPERATORS: Record<string, StringOperator> = {
  stringequals: {},
  stringnotequals: { negated: true },
  stringequalsignorecase: { ignoreCase: true },
  stringnotequalsignorecase: { ignoreCase: true, negated: true },
  stringlike: { like: true },
  stringnotlike: { like: true, negated: true },
};

/** The string operator of a condition, or undefined for one samlint does not evaluate (Arn*, Numeric*, …). */
export function stringOperator(condition: PolicyCondition): StringOperator | undefined {
  return STRING_OPERATORS[condition.operator.base.toLowerCase()];
}

/**
 * Whether a condition holds for a single-valued key the request sets to `value`; undefined when samlint
 * does not evaluate its operator. `ForAnyValue`/`ForAllValues` over a one-value set, and `IfExists`
 * for a key that is present, are the plain operator.
 */
export function conditionHolds(policy: Policy, condition: PolicyCondition, value: string): boolean | undefined {
  const operator = stringOperator(condition);
  if (!operator) return undefined;
  const variables = variablesOn(policy);
  const matches = condition.values.some((v) => {
    if (operator.like) return globMatch(v.text, value, { variables });
    return operator.ignoreCase ? v.text.toLowerCase() === value.toLowerCase() : v.text === value;
  });
  return operator.negated ? !matches : matches;
}

/** The statement's conditions on `key` that do not hold when the request sets it to `value`. */
export function failingConditions(policy: Policy, statement: PolicyStatement, key: string, value: string): PolicyCondition[] {
  return statement.conditions.filter((c) => conditionKeyIs(c, key) && conditionHolds(policy, c, value) === false);
}
