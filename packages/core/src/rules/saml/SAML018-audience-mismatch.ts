import { NS, childElements, textOf } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

export const SAML018 = defineRule({
  meta: {
    code: 'SAML018',
    name: 'audience-mismatch',
    family: 'SAML',
    stage: 'response',
    severity: 'error',
    summary: 'An AudienceRestriction does not name the service provider given with --audience',
    facts: [],
    symptoms: [],
    needs: ['audience'],
    // For AWS, AWS015 checks the Audience against the values AWS is known to accept.
    profiles: ['generic'],
    messages: {
      mismatch: {
        message: 'no Audience is `{{expected}}` (found {{found}})',
        help: 'set the SP entity ID (Audience URI, Identifier, relying party identifier) of the IdP application to the SP’s entity ID exactly as its metadata states it; if the IdP is right, check --audience',
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    const expected = ctx.env.sp.audience;
    if (!view?.conditions || expected === undefined) return;
    // Each AudienceRestriction must be met on its own; within one, any Audience will do (SAML core §2.5.1.4).
    for (const restriction of childElements(view.conditions, NS.saml, 'AudienceRestriction')) {
      const audiences = childElements(restriction, NS.saml, 'Audience');
      const first = audiences[0];
      // An AudienceRestriction without Audience is SAML016's finding.
      if (!first || audiences.some((a) => textOf(a).trim() === expected)) continue;
      const found = audiences.map((a) => `\`${textOf(a).trim()}\``).join(', ');
      const location = audiences.length === 1 ? ctx.at.content(first) : ctx.at.element(restriction);
      ctx.report({ messageId: 'mismatch', data: { expected, found }, location });
    }
  },
});
