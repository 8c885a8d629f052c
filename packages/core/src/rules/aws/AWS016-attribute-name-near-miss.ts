import { defineRule } from '../define-rule.js';
import { intendedAwsAttributeName } from './_shared.js';

export const AWS016 = defineRule({
  meta: {
    code: 'AWS016',
    name: 'attribute-name-near-miss',
    family: 'AWS',
    stage: 'response',
    severity: 'warning',
    summary: 'An Attribute Name is an AWS attribute name but for case, `http://` or whitespace, so AWS ignores it',
    facts: ['AWS-RSN-001', 'AWS-ROLE-001'],
    symptoms: ['invalid-saml-response', 'role-session-name-required'],
    messages: {
      nearMiss: {
        message: 'attribute `{{name}}` is not `{{expected}}`, so AWS ignores it',
        help: 'rename the attribute in the IdP’s AWS app to exactly `{{expected}}`: AWS matches attribute names exactly, case and scheme included',
      },
    },
  },
  check(ctx) {
    if (!ctx.response?.assertion) return;
    for (const { element, name } of ctx.response.attributes) {
      const expected = intendedAwsAttributeName(name);
      if (!expected) continue;
      ctx.report({ messageId: 'nearMiss', data: { name, expected }, location: ctx.at.attribute(element, 'Name') });
    }
  },
});
