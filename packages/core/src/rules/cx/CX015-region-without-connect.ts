import { CONNECT_REGIONS } from '../../aws/endpoints.js';
import { recipients } from '../../aws/post-targets.js';
import { isConnectRegion } from '../../connect/endpoints.js';
import type { Location } from '../../model/finding.js';
import type { RuleContext } from '../../model/rule.js';
import { defineRule } from '../define-rule.js';

export const CX015 = defineRule({
  meta: {
    code: 'CX015',
    name: 'region-without-connect',
    family: 'CX',
    stage: 'response',
    severity: 'error',
    summary: 'The instance region is not one where Amazon Connect runs',
    facts: ['CX-REG-001'],
    symptoms: [],
    needs: ['region'],
    messages: {
      notConnect: {
        message: 'region `{{region}}` (from the {{source}}) has no Amazon Connect',
        help: `use the region in the instance ARN (\`arn:aws:connect:{region}:…\`) in the relay state host and the ACS URL; Connect runs in ${CONNECT_REGIONS.join(', ')}`,
      },
    },
  },
  check(ctx) {
    const { region, regionSource } = ctx.env;
    if (!region || !regionSource || isConnectRegion(region)) return;
    const source = regionSource === 'option' ? '`--region` option' : regionSource;
    const location = locate(ctx, regionSource);
    // The sign-in region alone is weaker evidence: an agent may sign in elsewhere than the instance lives.
    const severity = regionSource === 'Recipient' ? 'warning' : 'error';
    ctx.report({ messageId: 'notConnect', data: { region, source }, ...(location && { location }), severity });
  },
});

function locate(ctx: RuleContext, source: 'option' | 'relay state' | 'Recipient'): Location | undefined {
  if (source === 'relay state') {
    const host = ctx.env.relayState?.parts?.authority;
    return host && ctx.at.relayState(host.start, host.end);
  }
  const recipient = source === 'Recipient' && ctx.response ? recipients(ctx.response)[0] : undefined;
  return recipient && ctx.at.attribute(recipient.element, 'Recipient');
}
