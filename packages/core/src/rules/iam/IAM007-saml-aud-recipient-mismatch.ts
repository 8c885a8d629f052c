import { recipients, type PostTarget } from '../../aws/post-targets.js';
import { failingConditions, stringOperator } from '../../iam/evaluate.js';
import type { PolicyCondition } from '../../iam/policy.js';
import { SAML_AUD, classifyAudValue } from '../../iam/trust.js';
import { appendedValues } from '../../json/edit.js';
import type { JsonDocument } from '../../model/json.js';
import type { Fix } from '../../model/finding.js';
import type { RuleContext } from '../../model/rule.js';
import { defineRule } from '../define-rule.js';
import { listOf, loginRoles, loginStatements, trustPolicy } from './_shared.js';

const MESSAGE = 'Recipient `{{recipient}}` does not meet the trust policy’s `{{operator}}` `SAML:aud` {{values}}';

export const IAM007 = defineRule({
  meta: {
    code: 'IAM007',
    name: 'saml-aud-recipient-mismatch',
    family: 'IAM',
    stage: 'response',
    severity: 'error',
    summary: 'The Recipient, which AWS checks as `SAML:aud`, does not meet the trust policy’s `SAML:aud` condition',
    facts: ['AWS-TP-001', 'CX-GR-001'],
    symptoms: ['not-authorized-assume-role'],
    needs: ['trustPolicy'],
    messages: {
      mismatch: {
        message: MESSAGE,
        help: 'AWS fills `SAML:aud` from the Recipient: list the endpoint the IdP posts to in the role trust policy, `{{suggestion}}`, or set the IdP’s ACS URL to an endpoint the policy lists',
      },
      regional: {
        message: MESSAGE,
        help: 'for regional sign-in make `SAML:aud` multivalued in the role trust policy, the global and the regional endpoint: `{{suggestion}}`',
      },
      resilient: {
        message: MESSAGE,
        help: 'the Global Resiliency ACS carries a query string, so the trust policy matches it with `StringLike` and a trailing `*`: `{{suggestion}}`',
      },
      excluded: {
        message: 'Recipient `{{recipient}}` is excluded by the trust policy’s `{{operator}}` `SAML:aud` {{values}}',
        help: 'remove this endpoint from the excluded values of the role trust policy, or set the IdP’s ACS URL to an endpoint the policy allows',
      },
      providerAcs: {
        message: MESSAGE,
        help: 'with encrypted assertions the Recipient is the provider-specific ACS, and so is `SAML:aud`: add it to the role trust policy, `{{suggestion}}`',
      },
    },
  },
  check(ctx) {
    const trust = trustPolicy(ctx);
    const target = ctx.response ? recipients(ctx.response)[0] : undefined;
    // A Recipient that is no sign-in endpoint is AWS014's: the fix is on the IdP side, not in the policy.
    if (!trust || !target?.endpoint) return;
    const { doc, policy } = trust;
    const statements = loginStatements(policy, loginRoles(ctx));
    const failing = statements.map((s) => failingConditions(policy, s, SAML_AUD, target.url));
    // One statement whose `SAML:aud` conditions all hold lets the login through (IAM002 covers no statement at all).
    const condition = failing.every((f) => f.length > 0) ? failing[0]?.[0] : undefined;
    if (!condition) return;
    // Listing the endpoints fixes the login only when this condition is all that stops the first statement.
    const fix = failing[0]?.length === 1 ? listingFix(ctx, doc, condition, target) : undefined;
    const kind = target.endpoint.kind;
    const messageId = stringOperator(condition)?.negated
      ? 'excluded'
      : kind === 'global-resiliency' ? 'resilient' : kind === 'regional' ? 'regional' : kind === 'provider-acs' ? 'providerAcs' : 'mismatch';
    ctx.report({
      messageId,
      data: {
        recipient: target.url,
        operator: condition.operator.name,
        values: listOf(condition.values.map((v) => `\`${v.text}\``)) || '(no values)',
        suggestion: suggestion(condition, target),
      },
      location: ctx.at.json(doc, condition.valuesNode),
      labels: [{ location: ctx.at.attribute(target.element, 'Recipient'), message: 'the Recipient, which AWS checks as `SAML:aud`' }],
      // AWS shows no trust policy for the provider-specific ACS (facts §9): the match is inferred.
      ...(kind === 'provider-acs' && { severity: 'warning' as const }),
      ...(fix && { fix }),
    });
  },
});

/**
 * The condition that lets this Recipient in, keeping the endpoints the policy already lists. Regional
 * sign-in lists the global endpoint next to the regional one (CX-SAML); Global Resiliency matches the
 * ACS with its query by a trailing `*` (CX-GR).
 */
function suggestion(condition: PolicyCondition, target: PostTarget): string {
  const url = new URL(target.url);
  if (target.endpoint?.kind === 'global-resiliency') return `"StringLike": {"${condition.key}": ["${url.origin}${url.pathname}*"]}`;
  const like = stringOperator(condition)?.like === true;
  const kept = like ? [] : condition.values.map((v) => v.text).filter((v) => classifyAudValue(v, false) === 'endpoint');
  const global = endpointsFor(target).slice(0, -1);
  const values = [...new Set([...global, ...kept, target.url])].map((v) => `"${v}"`);
  return `"StringEquals": {"${condition.key}": ${values.length > 1 ? `[${values.join(', ')}]` : values[0]}}`;
}

/** The endpoints `SAML:aud` lists for this Recipient: for regional sign-in the global one too (CX-SAML), first. */
function endpointsFor(target: PostTarget): string[] {
  const region = target.endpoint?.kind === 'regional' ? target.endpoint.region : undefined;
  const url = new URL(target.url);
  return [...(region ? [`https://${url.hostname.slice(region.length + 1)}/saml`] : []), target.url];
}

/**
 * The fix that appends the missing endpoints to the condition's values, keeping the ones it has. Only
 * under a comparing operator (an excluding one is the user's decision to undo) and not for Global
 * Resiliency, whose query string wants `StringLike` instead.
 */
function listingFix(ctx: RuleContext, doc: JsonDocument, condition: PolicyCondition, target: PostTarget): Fix | undefined {
  const operator = stringOperator(condition);
  if (!operator || operator.negated || target.endpoint?.kind === 'global-resiliency') return undefined;
  const listed = new Set(condition.values.map((v) => v.text));
  const missing = endpointsFor(target).filter((url) => !listed.has(url));
  const replacement = appendedValues(doc, condition.valuesNode, missing);
  if (replacement === undefined) return undefined;
  const title = `Add ${listOf(missing.map((url) => `\`${url}\``))} to the trust policy’s \`${condition.key}\``;
  return { title, location: ctx.at.json(doc, condition.valuesNode), replacement };
}
