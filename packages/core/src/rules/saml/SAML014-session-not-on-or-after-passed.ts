import { AWS_ATTRIBUTE } from '../../aws/attributes.js';
import type { ResponseView } from '../../model/response.js';
import { attributesNamed, valueTexts } from '../../saml/response.js';
import { instantOf, secondsBetween } from '../../saml/time.js';
import { attribute } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

/** STS's DurationSeconds default, which applies when the assertion has no SessionDuration (facts §5). */
const DEFAULT_SESSION_SECONDS = 3600;

/** The session length SessionDuration asks for, or undefined when it is malformed (the AWS family reports that). */
function requestedSessionSeconds(view: ResponseView): { seconds: number; fromAttribute: boolean } | undefined {
  const [attr] = attributesNamed(view, AWS_ATTRIBUTE.sessionDuration);
  if (!attr) return { seconds: DEFAULT_SESSION_SECONDS, fromAttribute: false };
  const text = valueTexts(attr)[0]?.trim() ?? '';
  const seconds = /^\d+$/.test(text) ? Number(text) : NaN;
  return seconds >= 900 && seconds <= 43200 ? { seconds, fromAttribute: true } : undefined;
}

export const SAML014 = defineRule({
  meta: {
    code: 'SAML014',
    name: 'session-not-on-or-after-passed',
    family: 'SAML',
    stage: 'response',
    severity: 'error',
    summary: 'The AuthnStatement SessionNotOnOrAfter has passed, or caps the session below SessionDuration',
    facts: ['AWS-TIME-002', 'AWS-SD-001'],
    symptoms: ['session-expired'],
    needs: ['now'],
    messages: {
      passed: {
        message: '`SessionNotOnOrAfter` passed {{seconds}} s before {{clock}} (`{{value}}`, tolerance {{skew}} s)',
        help: 'AWS ends the session at SessionNotOnOrAfter, so this one is over before it starts; make the IdP’s session lifetime setting for the AWS application (which it writes as SessionNotOnOrAfter) at least the SessionDuration you send, and keep the IdP clock in sync (NTP)',
        profiles: { generic: { help: 'the service provider ends the session at SessionNotOnOrAfter, so this one is over before it starts; lengthen the IdP’s session lifetime setting for the application (which it writes as SessionNotOnOrAfter), and keep the IdP clock in sync (NTP)' } },
      },
      capsSession: {
        message: '`SessionNotOnOrAfter` limits the session to {{cap}} s, less than the {{duration}} s of {{source}}',
        help: 'the lesser of SessionNotOnOrAfter and SessionDuration sets the session length; if the shorter session is not intended, raise the IdP’s session lifetime for the AWS app or lower SessionDuration to match',
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    const now = ctx.env.now?.getTime();
    if (!view || now === undefined) return;
    const skew = ctx.env.clockSkewSeconds;
    const issued = instantOf(view.assertion, 'IssueInstant');
    const requested = requestedSessionSeconds(view);
    for (const statement of view.authnStatements) {
      const sessionEnd = instantOf(statement, 'SessionNotOnOrAfter');
      if (sessionEnd === undefined) continue;
      // Located only when reported: a clean response never needs a position.
      const location = () => ctx.at.attribute(statement, 'SessionNotOnOrAfter');
      if (now >= sessionEnd + skew * 1000) {
        const value = attribute(statement, 'SessionNotOnOrAfter') ?? '';
        ctx.report({ messageId: 'passed', data: { seconds: secondsBetween(sessionEnd, now), value, skew, clock: ctx.env.nowSource }, location: location() });
        continue;
      }
      // Measured from IssueInstant, the IdP's own reference point, so the note does not depend on when --now is.
      // SessionDuration and its default are AWS's: a generic SP has no session length to compare.
      if (issued === undefined || !requested || ctx.env.profile !== 'aws') continue;
      const cap = secondsBetween(issued, sessionEnd);
      if (cap >= requested.seconds) continue;
      ctx.report({
        messageId: 'capsSession',
        data: { cap, duration: requested.seconds, source: requested.fromAttribute ? 'SessionDuration' : 'the STS default' },
        location: location(),
        severity: 'info',
      });
    }
  },
});
