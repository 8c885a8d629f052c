import { absoluteDestination, destinationParam, isAwsHost } from '../../connect/destination.js';
import { defineRule } from '../define-rule.js';

export const CX010 = defineRule({
  meta: {
    code: 'CX010',
    name: 'destination-external-origin',
    family: 'CX',
    stage: 'response',
    severity: 'info',
    summary: 'The relay state `destination` leads outside AWS, so its origin must be an Approved origin of the instance',
    facts: ['CX-RS-003'],
    symptoms: [],
    needs: ['relayState'],
    messages: {
      external: {
        message: '`destination` leads to `{{origin}}`, outside AWS',
        help: 'add `{{origin}}` to the instance’s Approved origins (Connect console → the instance → Approved origins, or `aws connect associate-approved-origin`) before agents use this relay state',
      },
    },
  },
  check(ctx) {
    const param = ctx.env.relayState && destinationParam(ctx.env.relayState);
    const url = param && absoluteDestination(param);
    if (!param || !url || isAwsHost(url.hostname)) return;
    // Connect rewrites HTTP destinations to HTTPS (CX009), so the origin to approve is the https one.
    ctx.report({
      messageId: 'external',
      data: { origin: `https://${url.host}` },
      location: ctx.at.relayState(param.valueRange.start, param.valueRange.end),
    });
  },
});
