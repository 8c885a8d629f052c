import { roleValues } from '../../aws/role.js';
import { recipients } from '../../aws/post-targets.js';
import { defineRule } from '../define-rule.js';

export const AWS005 = defineRule({
  meta: {
    code: 'AWS005',
    name: 'role-partition-endpoint-mismatch',
    family: 'AWS',
    stage: 'response',
    severity: 'error',
    summary: 'The Role ARNs are in a different AWS partition from the sign-in endpoint in Recipient',
    facts: [],
    symptoms: ['invalid-saml-response'],
    messages: {
      mismatch: {
        message: 'Role ARNs are in partition `{{arnPartition}}` but Recipient `{{recipient}}` is a sign-in endpoint of partition `{{endpointPartition}}`',
        help: 'partitions do not share IAM: post to the sign-in endpoint of the role’s partition (`signin.aws.amazon.com`, `signin.amazonaws-us-gov.com` or `signin.amazonaws.cn`) by fixing the ACS URL in the IdP, or map a role from the right partition',
      },
    },
  },
  check(ctx) {
    if (!ctx.response?.assertion) return;
    // The first sign-in endpoint among the Recipients, as the environment reads it; AWS014 reports the others.
    const target = recipients(ctx.response).find((r) => r.endpoint);
    if (!target?.endpoint) return;
    const endpointPartition = target.endpoint.partition;
    for (const { element, pair } of roleValues(ctx.response)) {
      // A pair whose halves disagree on the partition is AWS004's.
      if (!pair.role || !pair.provider || pair.role.partition !== pair.provider.partition) continue;
      if (pair.role.partition === endpointPartition) continue;
      ctx.report({
        messageId: 'mismatch',
        data: { arnPartition: pair.role.partition, endpointPartition, recipient: target.url },
        location: ctx.at.content(element),
        labels: [{ location: ctx.at.attribute(target.element, 'Recipient'), message: `sign-in endpoint of partition \`${endpointPartition}\`` }],
      });
    }
  },
});
