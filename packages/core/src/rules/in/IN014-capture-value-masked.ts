import type { MaskProfile } from '../../model/capture.js';
import { reportCaptureProblems } from './_shared.js';
import { defineRule } from '../define-rule.js';

const PROFILE: Record<MaskProfile, string> = {
  mask: 'hashed by SAML-tracer’s “Mask values” export profile',
  remove: 'replaced by SAML-tracer’s “Remove values” export profile',
};

const EXPORT_UNMASKED = 'export the trace again with the “None” profile (SAML-tracer’s export dialog)';

export const IN014 = defineRule({
  meta: {
    code: 'IN014',
    name: 'capture-value-masked',
    family: 'IN',
    stage: 'capture',
    severity: 'error',
    summary: 'A SAML-tracer export hides the SAMLResponse or RelayState value behind a hash or placeholder',
    facts: [],
    symptoms: [],
    messages: {
      responseDecoded: {
        message: 'the `SAMLResponse` value is {{profile}}; samlint read SAML-tracer’s decoded `saml` field instead',
        help: `the encoding and size of the posted value went unchecked, and signatures were verified on SAML-tracer’s decoded copy: to check the value the IdP posted, ${EXPORT_UNMASKED}`,
      },
      responseLost: {
        message: 'the `SAMLResponse` value is {{profile}}, and the export holds no decoded `saml` field',
        help: `nothing of this login can be checked: ${EXPORT_UNMASKED}`,
      },
      relayState: {
        message: 'the `RelayState` value is {{profile}}; the Amazon Connect relay state checks could not run',
        help: `${EXPORT_UNMASKED}, or pass the relay state with --relay-state`,
        profiles: { generic: { message: 'the `RelayState` value is {{profile}}' } },
      },
    },
  },
  check(ctx) {
    reportCaptureProblems(ctx, 'IN014', {
      'value-masked': (problem) => {
        const data = { profile: PROFILE[problem.profile] };
        const location = ctx.at.input(problem.range);
        if (problem.field === 'SAMLResponse') {
          return problem.fallback ? { messageId: 'responseDecoded' as const, data, location, severity: 'info' } : { messageId: 'responseLost' as const, data, location };
        }
        // A relay state given with --relay-state is checked instead: nothing was lost.
        return ctx.env.relayStateSource === 'option' ? undefined : { messageId: 'relayState' as const, data, location, severity: 'info' };
      },
    });
  },
});
