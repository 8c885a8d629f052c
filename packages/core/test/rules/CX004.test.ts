import { INSTANCE_ID, toFormBody } from '../../../../test-vectors/lib/response.mjs';
import { CX004 } from '../../src/rules/cx/CX004-relay-state-malformed.js';
import { CLEAN, RELAY_STATE } from '../cx-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const relay = (relayState: string) => ({ relayState });

ruleTester(CX004, {
  valid: [
    { name: 'the commercial form', input: CLEAN, options: relay(RELAY_STATE) },
    { name: 'GovCloud', input: CLEAN, options: relay(`https://console.amazonaws-us-gov.com/connect/federate/${INSTANCE_ID}`) },
    { name: 'a trailing slash and a destination', input: CLEAN, options: relay(`${RELAY_STATE}/?destination=%2Fccp-v2`) },
    { name: 'surrounding whitespace', input: CLEAN, options: relay(`  ${RELAY_STATE}\n`) },
    { name: 'the relay state of a form body', input: toFormBody(CLEAN) },
    { name: 'no relay state: unchecked, not reported', input: CLEAN },
    { name: 'a blank relay state is no relay state', input: CLEAN, options: relay('  ') },
  ],
  invalid: [
    {
      name: 'the Connect access URL',
      input: CLEAN,
      options: relay('https://example-cc.my.connect.aws/ccp-v2'),
      errors: [{ messageId: 'accessUrl', data: { host: 'example-cc.my.connect.aws' }, line: 1, column: 9 }],
    },
    {
      name: 'the legacy access URL',
      input: CLEAN,
      options: relay('https://example-cc.awsapps.com/connect/ccp-v2'),
      errors: [{ messageId: 'accessUrl', data: { host: 'example-cc.awsapps.com' } }],
    },
    {
      name: 'http',
      input: CLEAN,
      options: relay(RELAY_STATE.replace('https', 'http')),
      errors: [{ messageId: 'scheme', data: { scheme: 'http' }, line: 1, column: 1 }],
    },
    {
      name: 'no region in the host',
      input: CLEAN,
      options: relay(`https://console.aws.amazon.com/connect/federate/${INSTANCE_ID}`),
      errors: [{ messageId: 'missingRegion', data: { host: 'console.aws.amazon.com' } }],
    },
    {
      name: 'the sign-in endpoint pasted as relay state',
      input: CLEAN,
      options: relay('https://eu-west-2.signin.aws.amazon.com/saml'),
      errors: [
        { messageId: 'host', data: { host: 'eu-west-2.signin.aws.amazon.com' } },
        { messageId: 'path', data: { path: '/saml' }, column: 40 },
      ],
    },
    {
      name: 'no instance id',
      input: CLEAN,
      options: relay('https://eu-west-2.console.aws.amazon.com/connect/federate/'),
      errors: [{ messageId: 'missingInstanceId', data: { path: '/connect/federate/' } }],
    },
    {
      name: 'a page in the path',
      input: CLEAN,
      options: relay(`${RELAY_STATE}/ccp-v2`),
      errors: [{ messageId: 'path' }],
    },
    {
      name: 'no scheme',
      input: CLEAN,
      options: relay(RELAY_STATE.replace('https://', '')),
      errors: [{ messageId: 'missingScheme' }],
    },
    {
      name: 'URL-encoded as a whole',
      input: CLEAN,
      options: relay(encodeURIComponent(RELAY_STATE)),
      errors: [{ messageId: 'encoded' }],
    },
    {
      name: 'an instance alias',
      input: CLEAN,
      options: relay('example-cc'),
      errors: [{ messageId: 'notUrl', data: { value: 'example-cc' } }],
    },
  ],
});
