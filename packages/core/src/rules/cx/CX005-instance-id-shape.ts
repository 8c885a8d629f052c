import type { Location } from '../../model/finding.js';
import { defineRule } from '../define-rule.js';

/** The shape of the instance ids Connect hands out: an RFC 4122-style UUID in lowercase hex. */
const INSTANCE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const CX005 = defineRule({
  meta: {
    code: 'CX005',
    name: 'instance-id-shape',
    family: 'CX',
    stage: 'response',
    severity: 'warning',
    summary: 'The Amazon Connect instance id is not 8-4-4-4-12 lowercase hex',
    facts: ['CX-RS-004'],
    symptoms: [],
    messages: {
      shape: {
        message: 'instance id `{{id}}` from the {{source}} is not 8-4-4-4-12 lowercase hex',
        help: 'copy the instance id from the instance ARN (`arn:aws:connect:{region}:{account}:instance/{instance-id}`, Connect console → Overview), not the instance alias or the access URL, into the relay state path `/connect/federate/{instance-id}`',
      },
    },
  },
  check(ctx) {
    const check = (id: string | undefined, source: string, location?: Location) => {
      if (id === undefined || INSTANCE_ID.test(id)) return;
      ctx.report({ messageId: 'shape', data: { id, source }, ...(location && { location }) });
    };
    const relay = ctx.env.relayState;
    const range = relay?.parts?.instanceId;
    if (relay && range) {
      check(relay.raw.slice(range.start, range.end), 'relay state', ctx.at.relayState(range.start, range.end));
    }
    // The environment's instance id is the relay state's unless --instance-id gave another one.
    if (ctx.env.instanceId !== relay?.instanceId) check(ctx.env.instanceId, '`--instance-id` option');
  },
});
