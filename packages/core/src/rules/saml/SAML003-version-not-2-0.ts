import { attribute } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';
import { responseAndAssertion } from './_shared.js';

export const SAML003 = defineRule({
  meta: {
    code: 'SAML003',
    name: 'version-not-2-0',
    family: 'SAML',
    stage: 'response',
    severity: 'error',
    summary: 'The Response or Assertion Version is missing or not "2.0"',
    facts: [],
    symptoms: ['invalid-saml-response'],
    messages: {
      missing: {
        message: '`{{element}}` has no `Version`',
        help: 'SAML 2.0 requires `Version="2.0"` on the Response and the Assertion; the IdP (or a custom template or proxy) left it out',
      },
      wrong: {
        message: '`{{element}}` Version is `{{version}}`, not `2.0`',
        help: 'AWS accepts only SAML 2.0; configure the IdP application for SAML 2.0 (not SAML 1.1 or WS-Federation) and make it send `Version="2.0"`',
        profiles: { generic: { help: 'a SAML 2.0 service provider accepts only SAML 2.0; configure the IdP application for SAML 2.0 (not SAML 1.1 or WS-Federation) and make it send `Version="2.0"`' } },
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    if (!view) return;
    for (const [element, el] of responseAndAssertion(view)) {
      const version = attribute(el, 'Version');
      if (version === undefined) {
        ctx.report({ messageId: 'missing', data: { element }, location: ctx.at.element(el) });
      } else if (version !== '2.0') {
        ctx.report({ messageId: 'wrong', data: { element, version }, location: ctx.at.attribute(el, 'Version') });
      }
    }
  },
});
