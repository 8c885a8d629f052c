import { NS, firstChild } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

export const SAML028 = defineRule({
  meta: {
    code: 'SAML028',
    name: 'attribute-statement-missing',
    family: 'SAML',
    stage: 'response',
    severity: 'warning',
    summary: 'The Assertion has no AttributeStatement',
    facts: [],
    symptoms: [],
    // For AWS, AWS001 reports the missing Role attribute, which is what matters there.
    profiles: ['generic'],
    messages: {
      missing: {
        message: '`Assertion` has no `saml:AttributeStatement`',
        help: 'map the attributes the SP needs (email, name, groups…) in the IdP application; a user with no values for any mapped attribute also gets no AttributeStatement',
      },
    },
  },
  check(ctx) {
    const assertion = ctx.response?.assertion;
    if (!assertion || firstChild(assertion, NS.saml, 'AttributeStatement')) return;
    ctx.report({ messageId: 'missing', location: ctx.at.element(assertion) });
  },
});
