import { RELAY_STATE } from '../../../../test-vectors/lib/response.mjs';
import { IN014 } from '../../src/rules/in/IN014-capture-value-masked.js';
import { editJson, toHar, toSamlTracer } from '../capture-fixtures.js';
import { ruleTester } from '../rule-tester.js';
import { SIGNED_BOTH } from '../sig-fixtures.js';

const masked = toSamlTracer([{ xml: SIGNED_BOTH }], { profile: 'mask' });
const withoutSaml = (text: string) =>
  editJson(text, (trace) => {
    for (const request of trace.requests) delete request.saml;
  });

ruleTester(IN014, {
  valid: [
    { name: 'an export with the “None” profile', input: toSamlTracer([{ xml: SIGNED_BOTH }]) },
    { name: 'a legacy export with the “None” profile', input: toSamlTracer([{ xml: SIGNED_BOTH }], { legacy: true }) },
    { name: 'a HAR file hides nothing', input: toHar([{ xml: SIGNED_BOTH }]) },
    {
      name: 'the masked relay state given with --relay-state, and the decoded copy unmasked',
      input: editJson(masked, (trace) => {
        trace.requests[1].post[0][1] = Buffer.from(SIGNED_BOTH).toString('base64');
      }),
      options: { relayState: RELAY_STATE },
    },
  ],
  invalid: [
    {
      name: 'the “Mask values” profile: the decoded copy is linted, the relay state is lost',
      input: masked,
      errors: [
        { messageId: 'responseDecoded', data: { profile: 'hashed by SAML-tracer’s “Mask values” export profile' }, severity: 'info' },
        { messageId: 'relayState', severity: 'info' },
      ],
    },
    {
      name: 'the “Remove values” profile',
      input: toSamlTracer([{ xml: SIGNED_BOTH }], { profile: 'remove' }),
      errors: [
        { messageId: 'responseDecoded', data: { profile: 'replaced by SAML-tracer’s “Remove values” export profile' } },
        { messageId: 'relayState' },
      ],
    },
    {
      name: 'masked, and no decoded saml field to fall back on',
      input: withoutSaml(masked),
      errors: [{ messageId: 'responseLost', severity: 'error' }, { messageId: 'relayState' }],
    },
    {
      name: 'a legacy masked export',
      input: toSamlTracer([{ xml: SIGNED_BOTH }], { profile: 'mask', legacy: true }),
      errors: [{ messageId: 'responseDecoded' }, { messageId: 'relayState' }],
    },
  ],
});
