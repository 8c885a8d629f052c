import { defineRule } from '../define-rule.js';
import { violationsOf } from './_shared.js';

export const XSD004 = defineRule({
  meta: {
    code: 'XSD004',
    name: 'schema-attribute-not-allowed',
    family: 'XSD',
    stage: 'xml',
    severity: 'error',
    summary: 'An element carries an attribute the SAML schema does not define for it',
    facts: [],
    symptoms: ['invalid-saml-response', 'could-not-parse-metadata'],
    messages: {
      notAllowed: {
        message: '`{{element}}` has the attribute `{{attribute}}`, which the schema does not allow there',
        help: 'remove `{{attribute}}` from `{{element}}` in the IdP’s template (or the metadata), or correct its name: attribute names are case-sensitive, and an attribute of another vocabulary needs a namespace of its own where the schema allows one',
      },
    },
  },
  check(ctx) {
    for (const violation of violationsOf(ctx, 'attribute-not-allowed')) {
      ctx.report({
        messageId: 'notAllowed',
        data: { element: violation.element.nodeName, attribute: violation.attribute },
        location: ctx.at.attribute(violation.element, violation.attribute),
      });
    }
  },
});
