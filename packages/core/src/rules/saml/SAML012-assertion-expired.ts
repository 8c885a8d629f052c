import { instantOf, secondsBetween, validityElements } from '../../saml/time.js';
import { attribute } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';
import { localNameOf } from './_shared.js';

export const SAML012 = defineRule({
  meta: {
    code: 'SAML012',
    name: 'assertion-expired',
    family: 'SAML',
    stage: 'response',
    severity: 'error',
    summary: 'The Conditions or bearer SubjectConfirmationData NotOnOrAfter has passed',
    facts: ['AWS-TIME-001'],
    symptoms: ['response-expired', 'session-expired'],
    needs: ['now'],
    messages: {
      expired: {
        message: '`{{element}}` expired {{seconds}} s before {{clock}} (NotOnOrAfter `{{value}}`, tolerance {{skew}} s)',
        help: 'AWS refuses an assertion once NotOnOrAfter has passed (`ExpiredTokenException: Response has expired`); sign in again through the IdP instead of replaying a saved response, keep the IdP’s clock in sync (NTP), and lengthen the IdP’s assertion lifetime if users are slower than it; if you linted an old capture, pass `--now` with the time it was posted',
        profiles: { generic: { help: 'a service provider refuses an assertion once NotOnOrAfter has passed; sign in again through the IdP instead of replaying a saved response, keep the IdP’s clock in sync (NTP), and lengthen the IdP’s assertion lifetime if users are slower than it; if you linted an old capture, pass `--now` with the time it was posted' } },
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    const now = ctx.env.now?.getTime();
    if (!view || now === undefined) return;
    const skew = ctx.env.clockSkewSeconds;
    const issued = instantOf(view.assertion, 'IssueInstant');
    const notes = issued === undefined ? [] : [`the assertion was issued ${secondsBetween(issued, now)} s before ${ctx.env.nowSource}`];
    for (const element of validityElements(view)) {
      const notOnOrAfter = instantOf(element, 'NotOnOrAfter');
      if (notOnOrAfter === undefined || now < notOnOrAfter + skew * 1000) continue;
      ctx.report({
        messageId: 'expired',
        data: {
          element: localNameOf(element),
          value: attribute(element, 'NotOnOrAfter') ?? '',
          seconds: secondsBetween(notOnOrAfter, now),
          skew,
          clock: ctx.env.nowSource,
        },
        location: ctx.at.attribute(element, 'NotOnOrAfter'),
        notes,
      });
    }
  },
});
