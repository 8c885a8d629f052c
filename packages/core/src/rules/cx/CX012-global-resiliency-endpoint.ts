import { destination, recipients, type PostTarget } from '../../aws/post-targets.js';
import type { ContextOf } from '../../model/rule.js';
import { defineRule } from '../define-rule.js';

/** The query the Global Resiliency ACS carries (facts §7, CX-GR); `destination` is optional. */
const REQUIRED_PARAMS = ['instanceId', 'accountId', 'role', 'idp'] as const;
const ACS_FORM =
  '`https://{instance-id}.{region}.sign-in.connect.aws/saml?&instanceId={instance-id}&accountId={account}&role={role}&idp={idp}`';

export const CX012 = defineRule({
  meta: {
    code: 'CX012',
    name: 'global-resiliency-endpoint',
    family: 'CX',
    stage: 'response',
    severity: 'warning',
    summary: 'A Global Resiliency sign-in endpoint lacks its ACS query, names another instance, or comes with a relay state',
    facts: ['CX-GR-001'],
    symptoms: [],
    messages: {
      missingParams: {
        message: '{{attribute}} `{{url}}` lacks {{missing}}',
        help: `set the IdP’s ACS URL and Recipient to the full Global Resiliency form ${ACS_FORM}`,
      },
      instanceMismatch: {
        message: '{{attribute}} host names instance `{{host}}` but `instanceId` is `{{param}}`',
        help: `use the same instance id in the host and in \`instanceId\` of the IdP’s ACS URL: ${ACS_FORM}`,
      },
      accountId: {
        message: '{{attribute}} `accountId` `{{accountId}}` is not a 12-digit AWS account id',
        help: `put the AWS account id of the instance in \`accountId\` of the IdP’s ACS URL: ${ACS_FORM}`,
      },
      relayStateIgnored: {
        message: 'the Global Resiliency endpoint needs no relay state; this one is ignored',
        help: 'remove the relay state from the IdP application; a landing page goes in the ACS URL’s `destination` parameter (e.g. `&destination=/agent-app-v2`)',
      },
    },
  },
  check(ctx) {
    if (!ctx.response) return;
    const targets = recipients(ctx.response);
    const dest = destination(ctx.response);
    // The Destination usually repeats the Recipient; check it only when it says something else.
    if (dest && !targets.some((t) => t.url === dest.url)) targets.push(dest);
    const resilient = targets.filter((t) => t.endpoint?.kind === 'global-resiliency');
    for (const target of resilient) checkAcsQuery(ctx, target);
    const relay = ctx.env.relayState;
    if (resilient.length && relay) {
      ctx.report({ messageId: 'relayStateIgnored', location: ctx.at.relayState(0, relay.raw.length), severity: 'info' });
    }
  },
});

function checkAcsQuery(ctx: ContextOf<typeof CX012>, target: PostTarget): void {
  const query = new URL(target.url).searchParams;
  const location = ctx.at.attribute(target.element, target.attribute);
  const base = { attribute: target.attribute, url: target.url };
  const missing = REQUIRED_PARAMS.filter((name) => !query.get(name));
  if (missing.length) {
    ctx.report({ messageId: 'missingParams', data: { ...base, missing: missing.map((m) => `\`${m}\``).join(', ') }, location });
  }
  const host = target.endpoint?.instanceId ?? '';
  const param = query.get('instanceId');
  if (param && param.toLowerCase() !== host) {
    ctx.report({ messageId: 'instanceMismatch', data: { ...base, host, param }, location, severity: 'error' });
  }
  const accountId = query.get('accountId');
  if (accountId && !/^\d{12}$/.test(accountId)) {
    ctx.report({ messageId: 'accountId', data: { ...base, accountId }, location });
  }
}
