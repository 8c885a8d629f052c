import { defineRule } from '../define-rule.js';
import { oneOf, violationsOf } from './_shared.js';

export const XSD002 = defineRule({
  meta: {
    code: 'XSD002',
    name: 'schema-element-missing',
    family: 'XSD',
    stage: 'xml',
    severity: 'error',
    summary: 'An element lacks a child element the SAML schema requires',
    facts: [],
    symptoms: ['invalid-saml-response', 'could-not-parse-metadata'],
    messages: {
      missing: {
        message: '`{{element}}` lacks {{missing}}, which the schema requires here',
        help: 'add {{missing}} to `{{element}}` in the IdP’s template (or the metadata), in the place the schema gives it',
      },
    },
  },
  check(ctx) {
    for (const violation of violationsOf(ctx, 'missing-element')) {
      ctx.report({
        messageId: 'missing',
        data: { element: violation.element.nodeName, missing: oneOf(violation.missing) },
        location: ctx.at.element(violation.element),
      });
    }
  },
});
