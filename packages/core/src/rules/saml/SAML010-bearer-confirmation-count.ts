import { BEARER } from '../../saml/response.js';
import { attribute } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

export const SAML010 = defineRule({
  meta: {
    code: 'SAML010',
    name: 'bearer-confirmation-count',
    family: 'SAML',
    stage: 'response',
    severity: 'error',
    summary: 'The Subject does not hold exactly one bearer SubjectConfirmation',
    facts: ['AWS-SCD-001'],
    symptoms: ['invalid-saml-response'],
    messages: {
      none: {
        message: '`Subject` has no `SubjectConfirmation` with Method `bearer`',
        help: 'AWS requires exactly one `SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"`, as the SAML Web SSO profile sends; configure the IdP application as a standard SAML 2.0 web SSO app, not holder-of-key or sender-vouches',
        profiles: { generic: { help: 'the SAML Web SSO profile sends a `SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"`; configure the IdP application as a standard SAML 2.0 web SSO app, not holder-of-key or sender-vouches' } },
      },
      many: {
        message: '`Subject` has {{count}} bearer `SubjectConfirmation` elements, not one',
        help: 'AWS requires exactly one bearer SubjectConfirmation; an IdP app with several assertion consumer URLs or a custom template sends extra ones, so keep only the one whose Recipient is the AWS sign-in endpoint',
        profiles: { generic: { help: 'send one bearer SubjectConfirmation; an IdP app with several assertion consumer URLs or a custom template sends extra ones, so keep only the one whose Recipient is the service provider’s ACS URL' } },
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    if (!view?.subject) return;
    const bearers = view.subjectConfirmations.filter((c) => attribute(c, 'Method') === BEARER);
    if (bearers.length === 0) {
      const methods = view.subjectConfirmations.map((c) => `\`${attribute(c, 'Method') ?? '(no Method)'}\``);
      const notes = methods.length ? [`the Subject confirms with ${methods.join(', ')} instead`] : [];
      ctx.report({ messageId: 'none', location: ctx.at.element(view.subject), notes });
    } else if (bearers.length > 1) {
      ctx.report({ messageId: 'many', data: { count: bearers.length }, location: ctx.at.element(bearers[1] ?? view.subject) });
    }
  },
});
