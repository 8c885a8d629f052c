import { roleValues } from '../../aws/role.js';
import { locateInText } from '../_shared.js';
import { defineRule } from '../define-rule.js';

export const AWS004 = defineRule({
  meta: {
    code: 'AWS004',
    name: 'role-pair-account-mismatch',
    family: 'AWS',
    stage: 'response',
    severity: 'error',
    summary: 'The role and the SAML provider of a Role value are in different accounts or partitions',
    facts: ['AWS-ROLE-003'],
    symptoms: ['invalid-saml-response', 'provider-does-not-exist', 'not-authorized-assume-role'],
    messages: {
      account: {
        message: 'role is in account `{{roleAccount}}` but the saml-provider is in account `{{providerAccount}}`',
        help: 'use the SAML provider created in the role’s own account: IAM trusts only a provider in the same account as the role; fix the account ID in the IdP’s role mapping (one provider per AWS account)',
      },
      partition: {
        message: 'role is in partition `{{rolePartition}}` but the saml-provider is in partition `{{providerPartition}}`',
        help: 'use a role and a SAML provider from the same partition and account; fix the ARNs in the IdP’s role mapping',
      },
    },
  },
  check(ctx) {
    if (!ctx.response?.assertion) return;
    for (const { element, pair } of roleValues(ctx.response)) {
      const { role, provider } = pair;
      // Malformed pairs are AWS002's; the accounts of a half that does not parse are not compared.
      if (!role || !provider) continue;
      const providerPart = pair.parts.find((p) => p.parsed.arn === provider);
      const location = () =>
        providerPart ? locateInText(ctx, element, providerPart.start, providerPart.end) : ctx.at.content(element);
      if (role.partition !== provider.partition) {
        const data = { rolePartition: role.partition, providerPartition: provider.partition };
        ctx.report({ messageId: 'partition', data, location: location() });
      } else if (role.account !== provider.account) {
        ctx.report({ messageId: 'account', data: { roleAccount: role.account, providerAccount: provider.account }, location: location() });
      }
    }
  },
});
