import { destinationParam } from '../../connect/destination.js';
import { defineRule } from '../define-rule.js';

const TWO_FORMS =
  'AWS documents two forms: `?destination=%2Fccp-v2%2Fchat&new_domain=true` (Configure SAML, current) and `?destination=%2Fccp-v2%2Fchat%26new_domain=true` (Update your Connect domain)';

/** The path prefix of the legacy `awsapps.com/connect/…` pages, which the new domain does not have. */
const LEGACY_PREFIX = /^\/connect(?:\/|$)/;

export const CX011 = defineRule({
  meta: {
    code: 'CX011',
    name: 'new-domain-parameter',
    family: 'CX',
    stage: 'response',
    severity: 'info',
    summary: 'The relay state uses `new_domain=true` in a form AWS documents inconsistently, or a legacy `/connect` destination',
    facts: ['CX-RS-003'],
    symptoms: [],
    needs: ['relayState'],
    messages: {
      insideDestination: {
        message: '`new_domain=true` is joined to `destination` with `%26`',
        help: `${TWO_FORMS}; if agents still land on the \`awsapps.com\` domain, try the \`&\` form in the IdP’s relay state`,
      },
      besideDestination: {
        message: '`new_domain=true` is a separate parameter beside `destination`',
        help: `${TWO_FORMS}; if agents still land on the \`awsapps.com\` domain, try the \`%26\` form in the IdP’s relay state`,
      },
      legacyPrefix: {
        message: '`destination` `{{value}}` keeps the legacy `/connect` prefix',
        help: 'on the `my.connect.aws` domain the pages have no `/connect` prefix: remove it from the relay state, e.g. `destination=%2Fccp-v2` instead of `destination=%2Fconnect%2Fccp-v2`',
      },
    },
  },
  check(ctx) {
    const relay = ctx.env.relayState;
    const destination = relay && destinationParam(relay);
    if (!relay || !destination) return;
    const at = (param: typeof destination) => ctx.at.relayState(param.valueRange.start, param.valueRange.end);
    if (LEGACY_PREFIX.test(destination.value)) {
      ctx.report({ messageId: 'legacyPrefix', data: { value: destination.value }, location: at(destination), severity: 'warning' });
    }
    // Decoded once, a `%26new_domain=true` inside the destination reads `&new_domain=true`.
    if (/[?&]new_domain=/.test(destination.value)) {
      ctx.report({ messageId: 'insideDestination', location: at(destination) });
    }
    const beside = relay.params.find((param) => param.name === 'new_domain');
    if (beside) ctx.report({ messageId: 'besideDestination', location: at(beside) });
  },
});
