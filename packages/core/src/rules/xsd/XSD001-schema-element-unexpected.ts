import { defineRule } from '../define-rule.js';
import { oneOf, violationsOf } from './_shared.js';

export const XSD001 = defineRule({
  meta: {
    code: 'XSD001',
    name: 'schema-element-unexpected',
    family: 'XSD',
    stage: 'xml',
    severity: 'error',
    summary: 'An element, or text, where the SAML schema does not allow it: out of order, under the wrong parent, or one too many',
    facts: [],
    symptoms: ['invalid-saml-response', 'could-not-parse-metadata'],
    messages: {
      unexpected: {
        message: '`{{element}}` is not expected here; the schema allows {{expected}}',
        help: 'the SAML schema fixes which elements an element holds and in which order: change the IdP’s template (or the metadata) so that `{{element}}` comes where the schema puts it, or drop it',
      },
      nothingMore: {
        message: '`{{element}}` is not expected here; the schema allows nothing more inside `{{parent}}`',
        help: 'remove `{{element}}` from `{{parent}}` in the IdP’s template (or the metadata), or move it to where the schema puts it',
      },
      text: {
        message: '`{{element}}` holds text, where the schema allows only elements',
        help: 'remove the text between the child elements of `{{element}}` in the IdP’s template (or the metadata): a value belongs in the child element that carries it',
      },
    },
  },
  check(ctx) {
    for (const violation of violationsOf(ctx, 'unexpected-element', 'unexpected-text')) {
      const element = violation.element.nodeName;
      const location = ctx.at.element(violation.element);
      if (violation.kind === 'unexpected-text') {
        ctx.report({ messageId: 'text', data: { element }, location });
      } else if (violation.expected.length) {
        ctx.report({ messageId: 'unexpected', data: { element, expected: oneOf(violation.expected) }, location });
      } else {
        ctx.report({ messageId: 'nothingMore', data: { element, parent: violation.element.parentNode?.nodeName ?? '' }, location });
      }
    }
  },
});
