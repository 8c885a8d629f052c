import { isAwsSpMetadata } from '../../saml/metadata.js';
import { parseSamlTime, secondsBetween } from '../../saml/time.js';
import { NS, attribute, descendants } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

const DAY_SECONDS = 86_400;

/** "3921 days" for long spans, seconds below a day: metadata ages in days, not seconds. */
function describeAge(seconds: number): string {
  return seconds >= DAY_SECONDS ? `${Math.floor(seconds / DAY_SECONDS)} days` : `${seconds} s`;
}

export const MD001 = defineRule({
  meta: {
    code: 'MD001',
    name: 'metadata-expired',
    family: 'MD',
    stage: 'metadata',
    severity: 'error',
    summary: 'A validUntil of the metadata has passed, or is not a valid time',
    facts: [],
    symptoms: [],
    needs: ['now'],
    messages: {
      expired: {
        message: '`{{element}}` validUntil `{{value}}` passed {{age}} before {{clock}}',
        help: 'download current metadata from the IdP (its metadata URL or admin console) and give that to the service provider; if the IdP writes a short validUntil on purpose, the SP must refresh the metadata before then',
      },
      awsSpExpired: {
        message: 'AWS SP metadata validUntil `{{value}}` passed {{age}} before {{clock}}',
        help: 'IdPs that honour validUntil (Shibboleth’s metadata providers, for one) refuse this copy of AWS’s metadata: download it again (`https://signin.aws.amazon.com/static/saml-metadata.xml`, or the regional one) and redo your edits, or remove validUntil from a copy you maintain',
        profiles: { generic: { message: 'SP metadata validUntil `{{value}}` passed {{age}} before {{clock}}', help: 'IdPs that honour validUntil (Shibboleth’s metadata providers, for one) refuse this copy of the service provider’s metadata: download it again from the service provider and redo your edits, or remove validUntil from a copy you maintain' } },
      },
      invalid: {
        message: '`{{element}}` validUntil `{{value}}` is not a UTC xs:dateTime',
        help: 'validUntil is an `xs:dateTime` like `2027-11-27T00:00:00Z`; export the metadata again from the IdP instead of editing it by hand',
      },
    },
  },
  check(ctx) {
    const root = ctx.metadata?.doc.root;
    const now = ctx.env.now?.getTime();
    if (!root || now === undefined) return;
    // IAM ignores validUntil (facts §11): for AWS it is a note, for other SPs a refusal.
    const severity = ctx.env.profile === 'aws' ? 'info' : undefined;
    const notes = ctx.env.profile === 'aws' ? ['IAM ignores the metadata’s validUntil and cacheDuration and sets its own Valid until date'] : [];
    // AWS's SP metadata is read by the IdP, not IAM: its validUntil matters whatever the profile.
    const awsSp = isAwsSpMetadata(root);
    for (const element of [root, ...descendants(root, NS.md, '*')]) {
      const value = attribute(element, 'validUntil');
      if (value === undefined) continue;
      const data = { element: element.localName ?? element.tagName, value, clock: ctx.env.nowSource };
      const location = ctx.at.attribute(element, 'validUntil');
      const { instant } = parseSamlTime(value.trim());
      if (instant === undefined) {
        ctx.report({ messageId: 'invalid', data, location, severity: 'warning' });
      } else if (instant <= now) {
        const age = describeAge(secondsBetween(instant, now));
        if (awsSp) ctx.report({ messageId: 'awsSpExpired', data: { ...data, age }, location, severity: 'warning' });
        else ctx.report({ messageId: 'expired', data: { ...data, age }, location, severity, notes });
      }
    }
  },
});
