import { AWS_ATTRIBUTE } from '../../aws/attributes.js';
import { connectEvidence } from '../../connect/login.js';
import { attributesNamed } from '../../saml/response.js';
import { defineRule } from '../define-rule.js';

export const CX014 = defineRule({
  meta: {
    code: 'CX014',
    name: 'multiple-role-pairs',
    family: 'CX',
    stage: 'response',
    severity: 'warning',
    summary: 'The Role attribute of an Amazon Connect login carries more than one role pair, where Connect federation uses one role',
    facts: ['CX-ROLE-001'],
    symptoms: ['connect-not-onboarded'],
    messages: {
      multiple: {
        message: '{{count}} Role values; Amazon Connect federation uses one role',
        help: 'send only the Connect federation role: in the IdP, assign the agent one AWS role for this application (Okta: one role in the app’s role mapping; Entra ID: one app role; ADFS: one Role claim rule match)',
      },
    },
  },
  check(ctx) {
    // Several pairs are IAM's documented role picker (facts §4): a console login that sends every role
    // of the user is correct. Only a login that shows it is for Connect is held to one role.
    const evidence = connectEvidence(ctx.env);
    if (!evidence) return;
    const values = ctx.response ? attributesNamed(ctx.response, AWS_ATTRIBUTE.role).flatMap((a) => a.values) : [];
    const second = values[1];
    if (!second) return;
    ctx.report({
      messageId: 'multiple',
      data: { count: values.length },
      location: ctx.at.content(second),
      notes: [
        `a login for Amazon Connect, by its ${evidence}`,
        'AWS first shows the agent its role picker; the Connect troubleshooting guide lists "two separate profiles assigned … with SSO" as a cause of: Access Denied. Your account has been authenticated, but has not been onboarded to this application.',
      ],
    });
  },
});
