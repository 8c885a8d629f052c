import { destinationParam } from '../../connect/destination.js';
import { defineRule } from '../define-rule.js';

/**
 * What an unencoded path or URL always contains. `?` and `=` are left alone: AWS's own VDI example
 * writes `destination=%2Fagent-app-v2?VDIPlatform=CITRIX_413` (facts §7).
 */
const UNENCODED = /[/:]/;

export const CX007 = defineRule({
  meta: {
    code: 'CX007',
    name: 'destination-not-url-encoded',
    family: 'CX',
    stage: 'response',
    severity: 'warning',
    summary: 'The relay state `destination` value holds a raw `/` or `:` instead of percent-encoding',
    facts: ['CX-RS-003'],
    symptoms: [],
    needs: ['relayState'],
    messages: {
      unencoded: {
        message: '`destination` value `{{value}}` has a raw `{{character}}`',
        help: 'AWS says the destination "must use URL encoding": write `destination={{encoded}}` in the IdP’s relay state',
      },
    },
  },
  check(ctx) {
    const param = ctx.env.relayState && destinationParam(ctx.env.relayState);
    const raw = param && UNENCODED.exec(param.rawValue);
    if (!param || !raw) return;
    const encoded = encodeURIComponent(param.value);
    const location = ctx.at.relayState(param.valueRange.start, param.valueRange.end);
    // Encoding the decoded value keeps what Connect reads; the engine keeps the edit only where the relay state is a text the user edits.
    const fix = { title: `URL-encode the destination as \`${encoded}\``, location, replacement: encoded };
    ctx.report({ messageId: 'unencoded', data: { value: param.rawValue, character: raw[0], encoded }, location, fix });
  },
});
