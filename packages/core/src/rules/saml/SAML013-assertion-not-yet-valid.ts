import { instantOf, secondsBetween, validityElements } from '../../saml/time.js';
import { attribute } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';
import { localNameOf } from './_shared.js';

export const SAML013 = defineRule({
  meta: {
    code: 'SAML013',
    name: 'assertion-not-yet-valid',
    family: 'SAML',
    stage: 'response',
    severity: 'error',
    summary: 'The Conditions or bearer SubjectConfirmationData NotBefore is still in the future',
    facts: [],
    symptoms: [],
    needs: ['now'],
    messages: {
      notYetValid: {
        message: '`{{element}}` becomes valid {{seconds}} s after {{clock}} (NotBefore `{{value}}`, tolerance {{skew}} s)',
        help: 'the IdP’s clock is ahead of AWS’s: sync the IdP servers with NTP, and if the IdP lets you, back-date NotBefore by a minute or two (AD FS: `NotBeforeSkew` on the relying party trust)',
        profiles: { generic: { help: 'the IdP’s clock is ahead of the service provider’s: sync the IdP servers with NTP, and if the IdP lets you, back-date NotBefore by a minute or two (AD FS: `NotBeforeSkew` on the relying party trust)' } },
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    const now = ctx.env.now?.getTime();
    if (!view || now === undefined) return;
    const skew = ctx.env.clockSkewSeconds;
    for (const element of validityElements(view)) {
      const notBefore = instantOf(element, 'NotBefore');
      if (notBefore === undefined || notBefore <= now + skew * 1000) continue;
      ctx.report({
        messageId: 'notYetValid',
        data: {
          element: localNameOf(element),
          value: attribute(element, 'NotBefore') ?? '',
          seconds: secondsBetween(now, notBefore),
          skew,
          clock: ctx.env.nowSource,
        },
        location: ctx.at.attribute(element, 'NotBefore'),
      });
    }
  },
});
