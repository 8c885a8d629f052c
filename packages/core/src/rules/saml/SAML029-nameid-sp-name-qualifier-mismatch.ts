import { attribute } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

export const SAML029 = defineRule({
  meta: {
    code: 'SAML029',
    name: 'nameid-sp-name-qualifier-mismatch',
    family: 'SAML',
    stage: 'response',
    severity: 'error',
    summary: 'The NameID SPNameQualifier is not the service provider given with --audience',
    facts: [],
    symptoms: [],
    needs: ['audience'],
    profiles: ['generic'],
    messages: {
      mismatch: {
        message: 'NameID SPNameQualifier `{{qualifier}}` is not the SP `{{expected}}`',
        help: 'the IdP issued this identifier for another service provider; set the SP entity ID of the IdP application (which it writes as SPNameQualifier) to the SP’s entity ID, or check --audience',
      },
    },
  },
  check(ctx) {
    const nameId = ctx.response?.nameId;
    const expected = ctx.env.sp.audience;
    const qualifier = nameId ? attribute(nameId, 'SPNameQualifier')?.trim() : undefined;
    // The attribute is optional, and an empty one qualifies nothing.
    if (!nameId || !qualifier || expected === undefined || qualifier === expected) return;
    ctx.report({ messageId: 'mismatch', data: { qualifier, expected }, location: ctx.at.attribute(nameId, 'SPNameQualifier') });
  },
});
