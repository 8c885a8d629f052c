import { defineRule } from '../define-rule.js';
import { violationsOf } from './_shared.js';

export const XSD003 = defineRule({
  meta: {
    code: 'XSD003',
    name: 'schema-attribute-missing',
    family: 'XSD',
    stage: 'xml',
    severity: 'error',
    summary: 'An element lacks an attribute the SAML schema requires',
    facts: [],
    symptoms: ['invalid-saml-response', 'could-not-parse-metadata'],
    messages: {
      missing: {
        message: '`{{element}}` lacks the required attribute `{{attribute}}`',
        help: 'make the IdP’s template (or the metadata) give `{{element}}` its `{{attribute}}` attribute, spelt exactly so: attribute names are case-sensitive',
      },
    },
  },
  check(ctx) {
    for (const violation of violationsOf(ctx, 'missing-attribute')) {
      ctx.report({
        messageId: 'missing',
        data: { element: violation.element.nodeName, attribute: violation.attribute },
        location: ctx.at.element(violation.element),
      });
    }
  },
});
