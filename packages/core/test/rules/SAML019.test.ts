import { SAML019 } from '../../src/rules/saml/SAML019-recipient-mismatch.js';
import { GENERIC, GENERIC_SP, genericLogin } from '../generic-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const LEGACY = 'https://sp.example.com/saml/acs/legacy';

ruleTester(SAML019, {
  valid: [
    { name: 'the ACS', input: genericLogin(), options: GENERIC },
    { name: 'the host in capitals (hosts compare without case)', input: genericLogin({}, { recipient: 'https://SP.example.com/saml/acs' }), options: GENERIC },
    { name: 'the default port written out', input: genericLogin({}, { recipient: 'https://sp.example.com:443/saml/acs' }), options: GENERIC },
    { name: 'no Recipient is SAML011’s', input: genericLogin({}, { recipient: null }), options: GENERIC },
    { name: 'no --acs: unchecked', input: genericLogin({}, { recipient: LEGACY }), options: { profile: 'generic' } },
    { name: 'aws profile: AWS014’s', input: genericLogin({}, { recipient: LEGACY }), options: { sp: GENERIC_SP } },
  ],
  invalid: [
    {
      name: 'another ACS path, pointing at the Recipient',
      input: genericLogin({}, { recipient: LEGACY }),
      options: GENERIC,
      errors: [{ messageId: 'mismatch', data: { recipient: LEGACY, expected: GENERIC_SP.acs }, line: 9 }],
    },
    {
      name: 'http instead of https',
      input: genericLogin({}, { recipient: GENERIC_SP.acs.replace('https:', 'http:') }),
      options: GENERIC,
      errors: [{ messageId: 'mismatch' }],
    },
    {
      name: 'a trailing slash (paths compare exactly)',
      input: genericLogin({}, { recipient: `${GENERIC_SP.acs}/` }),
      options: GENERIC,
      errors: [{ messageId: 'mismatch' }],
    },
    {
      name: 'not a URL',
      input: genericLogin({}, { recipient: '{recipient}' }),
      options: GENERIC,
      errors: [{ messageId: 'mismatch', data: { recipient: '{recipient}' } }],
    },
  ],
});
