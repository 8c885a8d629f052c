import { destinationParam } from '../../connect/destination.js';
import { defineRule } from '../define-rule.js';

/** `%25` followed by two hex digits: a `%2F` whose `%` was itself encoded. */
const DOUBLE_ESCAPE = /%25[0-9A-Fa-f]{2}/;

export const CX008 = defineRule({
  meta: {
    code: 'CX008',
    name: 'destination-double-encoded',
    family: 'CX',
    stage: 'response',
    severity: 'warning',
    summary: 'The relay state `destination` value is percent-encoded twice (`%252F`)',
    facts: ['CX-RS-003'],
    symptoms: [],
    needs: ['relayState'],
    messages: {
      doubleEncoded: {
        message: '`destination` value `{{value}}` is percent-encoded twice (`{{escape}}`)',
        help: 'encode the destination once, `destination={{once}}`, in the IdP’s relay state; if it is already written like that there, the IdP or a proxy encodes it a second time',
      },
    },
  },
  check(ctx) {
    const param = ctx.env.relayState && destinationParam(ctx.env.relayState);
    const escape = param && DOUBLE_ESCAPE.exec(param.rawValue);
    if (!param || !escape) return;
    ctx.report({
      messageId: 'doubleEncoded',
      data: { value: param.rawValue, escape: escape[0], once: param.value },
      location: ctx.at.relayState(param.valueRange.start, param.valueRange.end),
    });
  },
});
