import { defineRule } from '../define-rule.js';
import { violationsOf } from './_shared.js';

export const XSD006 = defineRule({
  meta: {
    code: 'XSD006',
    name: 'schema-element-unknown',
    family: 'XSD',
    stage: 'xml',
    severity: 'error',
    summary: 'An element in a SAML (or XML Signature, XML Encryption) namespace that its schema does not define',
    facts: [],
    symptoms: ['invalid-saml-response', 'could-not-parse-metadata'],
    messages: {
      unknown: {
        message: '`{{element}}` is not an element of the `{{namespace}}` schema',
        help: 'correct the element’s name in the IdP’s template (or the metadata): names are case-sensitive; an element of your own belongs in a namespace of your own, inside an `Extensions` element',
      },
    },
  },
  check(ctx) {
    for (const violation of violationsOf(ctx, 'unknown-element')) {
      ctx.report({
        messageId: 'unknown',
        data: { element: violation.element.nodeName, namespace: violation.element.namespaceURI ?? '' },
        location: ctx.at.element(violation.element),
      });
    }
  },
});
