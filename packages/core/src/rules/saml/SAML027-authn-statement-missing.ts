import { defineRule } from '../define-rule.js';
import { warningForAws } from './_shared.js';

export const SAML027 = defineRule({
  meta: {
    code: 'SAML027',
    name: 'authn-statement-missing',
    family: 'SAML',
    stage: 'response',
    severity: 'error',
    summary: 'The Assertion has no AuthnStatement',
    facts: [],
    symptoms: [],
    messages: {
      missing: {
        message: '`Assertion` has no `saml:AuthnStatement`',
        help: 'a sign-in assertion states how and when the user authenticated; configure the IdP application as a SAML 2.0 web SSO app (not an attribute query or a custom template that drops the AuthnStatement)',
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    if (!view?.assertion || view.authnStatements.length > 0) return;
    ctx.report({ messageId: 'missing', location: ctx.at.element(view.assertion), severity: warningForAws(ctx.env.profile) });
  },
});
