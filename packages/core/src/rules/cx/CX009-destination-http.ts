import { absoluteDestination, destinationParam } from '../../connect/destination.js';
import { defineRule } from '../define-rule.js';

export const CX009 = defineRule({
  meta: {
    code: 'CX009',
    name: 'destination-http',
    family: 'CX',
    stage: 'response',
    severity: 'warning',
    summary: 'The relay state `destination` is an `http://` URL, which Amazon Connect rewrites to `https://`',
    facts: ['CX-RS-003'],
    symptoms: [],
    needs: ['relayState'],
    messages: {
      http: {
        message: '`destination` is the `http://` URL `{{url}}`',
        help: 'Connect does not support HTTP destinations and turns them into HTTPS: write the `https://` URL (percent-encoded) in the IdP’s relay state, and make sure the site answers on HTTPS',
      },
    },
  },
  check(ctx) {
    const param = ctx.env.relayState && destinationParam(ctx.env.relayState);
    const url = param && absoluteDestination(param);
    if (!param || url?.protocol !== 'http:') return;
    ctx.report({
      messageId: 'http',
      data: { url: param.value },
      location: ctx.at.relayState(param.valueRange.start, param.valueRange.end),
      notes: ['"HTTP is not supported for destination relay URLs. If you specify an HTTP URL, it is automatically transformed to HTTPS" (Amazon Connect admin guide)'],
    });
  },
});
