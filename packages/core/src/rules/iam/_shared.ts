// Helpers the IAM rules share. Not a rule: index.ts does not export this module.
import type { IamArn } from '../../aws/arn.js';
import { roleValues } from '../../aws/role.js';
import type { JsonDocument } from '../../model/json.js';
import { coversProvider } from '../../iam/evaluate.js';
import { readPolicy, type Policy, type PolicyStatement } from '../../iam/policy.js';
import { samlStatements } from '../../iam/trust.js';
import type { Location } from '../../model/finding.js';
import type { RuleContext } from '../../model/rule.js';
import { locateInText } from '../_shared.js';

/** The trust policy as a typed view, when there is one that reads as a policy (IAM001 reports the rest). */
export function trustPolicy(ctx: RuleContext): { doc: JsonDocument; policy: Policy } | undefined {
  return view(ctx.env.trustPolicy);
}

/** The permission policy as a typed view, when there is one that reads as a policy. */
export function permissionPolicy(ctx: RuleContext): { doc: JsonDocument; policy: Policy } | undefined {
  return view(ctx.env.permissionPolicy);
}

function view(doc: JsonDocument | undefined): { doc: JsonDocument; policy: Policy } | undefined {
  const policy = doc ? readPolicy(doc) : undefined;
  return doc && policy ? { doc, policy } : undefined;
}

/** A well-formed role-provider pair of the Role attribute, with where its provider ARN is written. */
export interface LoginRole {
  role: IamArn;
  provider: IamArn;
  /** The provider ARN as written (trimmed): what the trust policy's `Principal.Federated` must equal. */
  providerArn: string;
  providerLocation: Location;
  roleLocation: Location;
}

/** The well-formed pairs of the Role attribute (AWS002 reports the others). */
export function loginRoles(ctx: RuleContext): LoginRole[] {
  if (!ctx.response?.assertion) return [];
  return roleValues(ctx.response).flatMap(({ element, pair }) => {
    const { role, provider } = pair;
    const providerPart = pair.parts.find((p) => p.parsed.arn === provider);
    const rolePart = pair.parts.find((p) => p.parsed.arn === role);
    if (!role || !provider || !providerPart || !rolePart) return [];
    return [
      {
        role,
        provider,
        providerArn: providerPart.text,
        providerLocation: locateInText(ctx, element, providerPart.start, providerPart.end),
        roleLocation: locateInText(ctx, element, rolePart.start, rolePart.end),
      },
    ];
  });
}

/**
 * The statements that decide this login: those allowing sts:AssumeRoleWithSAML to one of the Role
 * attribute's providers, or every such statement when none names them (IAM004 says so).
 */
export function loginStatements(policy: Policy, roles: readonly LoginRole[]): PolicyStatement[] {
  const saml = samlStatements(policy);
  const trusting = saml.filter((s) => roles.some((r) => coversProvider(s, r.providerArn)));
  return trusting.length ? trusting : saml;
}

/** `a`, `a` and `b`, `a`, `b` and `c`. */
export function listOf(texts: readonly string[]): string {
  return texts.length <= 1 ? (texts[0] ?? '') : `${texts.slice(0, -1).join(', ')} and ${texts.at(-1)}`;
}
