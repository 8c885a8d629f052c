import { recipients } from '../../aws/post-targets.js';
import { connectConsoleHost, connectSignInUrl } from '../../connect/endpoints.js';
import type { Label, Location } from '../../model/finding.js';
import { defineRule } from '../define-rule.js';

interface RegionSource {
  name: string;
  region: string;
  /** Where it says so; located only when the regions disagree, so a clean response needs no position. */
  locate?: () => Location;
}

export const CX006 = defineRule({
  meta: {
    code: 'CX006',
    name: 'region-mismatch',
    family: 'CX',
    stage: 'response',
    severity: 'warning',
    summary: 'The relay state, the Recipient sign-in endpoint and --region name different regions',
    facts: ['CX-RS-002'],
    symptoms: [],
    needs: ['region'],
    messages: {
      mismatch: {
        message: 'regions disagree: {{sources}}',
        help: 'AWS recommends signing in where the instance lives: for an instance in `{{region}}`, set the IdP’s ACS URL and Recipient to `{{acs}}`, the relay state host to `{{console}}`, and list that endpoint in the role trust policy’s `SAML:aud`',
      },
    },
  },
  check(ctx) {
    if (!ctx.response) return;
    const sources: RegionSource[] = [];
    const recipient = recipients(ctx.response)[0];
    const endpoint = recipient?.endpoint;
    if (ctx.env.regionSource === 'option' && ctx.env.region) sources.push({ name: '`--region`', region: ctx.env.region });
    // A Global Resiliency login ignores the relay state (CX012 says so), so its region is no evidence then.
    const relay = ctx.env.relayState;
    if (relay?.region && endpoint?.kind !== 'global-resiliency') {
      const host = relay.parts?.authority;
      sources.push({ name: 'relay state', region: relay.region, ...(host && { locate: () => ctx.at.relayState(host.start, host.end) }) });
    }
    // The global endpoint serves every region; only a host that names a region can disagree.
    if (recipient && endpoint?.region && endpoint.regionFromHost) {
      sources.push({ name: 'Recipient', region: endpoint.region, locate: () => ctx.at.attribute(recipient.element, 'Recipient') });
    }
    const instanceRegion = sources[0]?.region;
    if (!instanceRegion || sources.every((s) => s.region === instanceRegion)) return;
    const located = sources.flatMap((s) => (s.locate ? [{ ...s, location: s.locate() }] : []));
    const primary = located.find((s) => s.name === 'Recipient' && s.region !== instanceRegion) ?? located[0];
    const labels: Label[] = located
      .filter((s) => s !== primary)
      .map((s) => ({ location: s.location, message: `${s.name} region \`${s.region}\`` }));
    ctx.report({
      messageId: 'mismatch',
      data: {
        sources: sources.map((s) => `${s.name} \`${s.region}\``).join(', '),
        region: instanceRegion,
        acs: connectSignInUrl(instanceRegion),
        console: connectConsoleHost(instanceRegion),
      },
      ...(primary && { location: primary.location }),
      labels,
    });
  },
});
