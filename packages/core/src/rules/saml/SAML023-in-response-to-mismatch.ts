import { bearerConfirmationData } from '../../saml/response.js';
import { attribute } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';
import { localNameOf } from './_shared.js';

export const SAML023 = defineRule({
  meta: {
    code: 'SAML023',
    name: 'in-response-to-mismatch',
    family: 'SAML',
    stage: 'response',
    severity: 'error',
    summary: 'InResponseTo does not name the AuthnRequest given with --in-response-to, or is absent',
    facts: [],
    symptoms: [],
    needs: ['inResponseTo'],
    // AWS sign-in takes IdP-initiated responses; it sends no AuthnRequest to answer.
    profiles: ['generic'],
    messages: {
      mismatch: {
        message: '`{{element}}` InResponseTo `{{found}}` is not the request `{{expected}}`',
        help: 'the response answers another AuthnRequest: a stale browser tab, a second sign-in started in parallel, or a replayed response. Start the sign-in again from the SP; if it persists, check that the SP keeps the request ID across the redirect (session cookie, SameSite) and that --in-response-to is the right ID',
      },
      missing: {
        message: 'the response has no InResponseTo, but the SP sent request `{{expected}}`',
        help: 'the IdP sent an unsolicited (IdP-initiated) response; start the sign-in from the SP, or allow IdP-initiated sign-in in the SP if that is intended',
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    const expected = ctx.env.sp.inResponseTo;
    if (!view || expected === undefined) return;
    const carriers = [view.root, ...bearerConfirmationData(view)].filter((el) => attribute(el, 'InResponseTo') !== undefined);
    for (const element of carriers) {
      const found = attribute(element, 'InResponseTo') ?? '';
      if (found === expected) continue;
      ctx.report({ messageId: 'mismatch', data: { element: localNameOf(element), found, expected }, location: ctx.at.attribute(element, 'InResponseTo') });
    }
    if (carriers.length === 0) {
      // Many SPs accept unsolicited responses: likely wrong here, not certainly refused.
      ctx.report({ messageId: 'missing', data: { expected }, location: ctx.at.element(view.root), severity: 'warning' });
    }
  },
});
