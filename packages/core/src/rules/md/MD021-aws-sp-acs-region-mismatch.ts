import { connectSignInUrl, isConnectRegion } from '../../connect/endpoints.js';
import { NS, descendants } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';
import { awsAssertionConsumers } from './_shared.js';

const SOURCES = { option: '--region', 'relay state': 'the relay state', Recipient: 'the Recipient' } as const;

export const MD021 = defineRule({
  meta: {
    code: 'MD021',
    name: 'aws-sp-acs-region-mismatch',
    family: 'MD',
    stage: 'sp-metadata',
    severity: 'warning',
    summary: 'A regional AssertionConsumerService of AWS’s SP metadata is in another region than the Amazon Connect instance',
    facts: ['CX-RS-002'],
    symptoms: [],
    profiles: ['aws'],
    needs: ['region'],
    messages: {
      mismatch: {
        message: 'AssertionConsumerService `{{url}}` is in {{acsRegion}}, not the instance region {{region}}',
        help: 'set the Location to the sign-in endpoint of the instance’s region, `https://{{region}}.signin.aws.amazon.com/saml`, and use the same URL as the IdP’s ACS and in the role trust policy’s `SAML:aud`',
      },
    },
  },
  check(ctx) {
    const region = ctx.env.region;
    if (!region) return;
    const source = ctx.env.regionSource ? SOURCES[ctx.env.regionSource] : undefined;
    const notes = [
      ...(source ? [`the instance region comes from ${source}`] : []),
      'Amazon Connect recommends “the regional endpoint that matches the AWS Region where your instance was created”',
    ];
    // An edit would break a signature; AWS's own SP metadata is unsigned. The engine keeps the fix only
    // when the metadata is the input as given (not decoded from base64).
    const unsigned = ctx.metadata?.text !== undefined && !descendants(ctx.metadata.doc.root, NS.ds, 'Signature').length;
    for (const { element, url, endpoint } of awsAssertionConsumers(ctx)) {
      // The global endpoint names no region; Global Resiliency endpoints are checked with the response (CX012).
      if (!endpoint?.regionFromHost || !endpoint.region || endpoint.kind === 'global-resiliency' || endpoint.region === region) continue;
      const data = { url, acsRegion: endpoint.region, region };
      const location = ctx.at.attribute(element, 'Location');
      // The provider-specific ACS names an IdP-ID of its own region: only the plain endpoint has a known twin (facts §8).
      const replacement = unsigned && endpoint.kind === 'regional' && isConnectRegion(region) ? connectSignInUrl(region) : undefined;
      const fix = replacement && { title: `Set the Location to \`${replacement}\``, location, replacement };
      ctx.report({ messageId: 'mismatch', data, location, notes, ...(fix && { fix }) });
    }
  },
});
