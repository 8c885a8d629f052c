import { AWS_ATTRIBUTE } from '../../aws/attributes.js';
import type { Location } from '../../model/finding.js';
import { attributesNamed } from '../../saml/response.js';
import { instantOf, secondsBetween } from '../../saml/time.js';
import { textOf } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

/** "Amazon Connect sessions expire 12 hours after a user logs in" (facts §10, CX-SAML). */
const CONNECT_SESSION_SECONDS = 12 * 3600;

/** A value in the assertion that sets how long the session may last. */
interface SessionLimit {
  source: string;
  seconds: number;
  /** Located only when reported: a session within the cap needs no position. */
  locate: () => Location;
}

export const CX013 = defineRule({
  meta: {
    code: 'CX013',
    name: 'session-duration-over-connect-cap',
    family: 'CX',
    stage: 'response',
    severity: 'info',
    summary: 'SessionDuration or SessionNotOnOrAfter promise more than the 12 hours an Amazon Connect session lasts',
    facts: ['CX-SESS-001'],
    symptoms: ['session-expired'],
    messages: {
      overCap: {
        message: '`{{source}}` allows a {{duration}} session; Amazon Connect sessions end after 12 h',
        help: 'Connect ends every session 12 hours after sign-in, whatever the assertion says, even mid-call: plan shifts around it, or lower the IdP’s session setting to 12 h or less so the two agree',
      },
    },
  },
  check(ctx) {
    const view = ctx.response;
    if (!view?.assertion) return;
    const limits: SessionLimit[] = [];
    // A SessionDuration that is not a whole number is AWS009's; it promises nothing here.
    const duration = attributesNamed(view, AWS_ATTRIBUTE.sessionDuration)[0]?.values[0];
    const durationText = duration ? textOf(duration).trim() : '';
    if (duration && /^\d+$/.test(durationText)) {
      limits.push({ source: 'SessionDuration', seconds: Number(durationText), locate: () => ctx.at.content(duration) });
    }
    // A session starts when the assertion is issued; the IdP's AuthnInstant may be hours older.
    const issued = instantOf(view.assertion, 'IssueInstant') ?? instantOf(view.root, 'IssueInstant');
    for (const statement of view.authnStatements) {
      const until = instantOf(statement, 'SessionNotOnOrAfter');
      if (issued === undefined || until === undefined) continue;
      limits.push({ source: 'SessionNotOnOrAfter', seconds: secondsBetween(issued, until), locate: () => ctx.at.attribute(statement, 'SessionNotOnOrAfter') });
    }
    // "The lesser value … establishes the maximum duration" (IAM-ASSERT): that is what the IdP promises.
    const binding = limits.reduce<SessionLimit | undefined>((a, b) => (a && a.seconds <= b.seconds ? a : b), undefined);
    if (!binding || binding.seconds <= CONNECT_SESSION_SECONDS) return;
    ctx.report({
      messageId: 'overCap',
      data: { source: binding.source, duration: formatDuration(binding.seconds) },
      location: binding.locate(),
    });
  },
});

/** `24 h`, `12 h 30 min`, `12 h 0 min 5 s`: exact, so a value just over the cap never reads as `12 h`. */
function formatDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  return [`${hours} h`, minutes || rest ? `${minutes} min` : '', rest ? `${rest} s` : ''].filter(Boolean).join(' ');
}
