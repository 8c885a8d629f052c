import { ACS } from '../../../../test-vectors/lib/response.mjs';
import { AWS017 } from '../../src/rules/aws/AWS017-encrypted-assertion-acs.js';
import { ruleTester } from '../rule-tester.js';
import { PROVIDER_ACS, SP_KEY, encryptedResponse } from '../support/encrypt.js';

ruleTester(AWS017, {
  valid: [
    { name: 'encrypted, posted to the provider-specific ACS', input: await encryptedResponse({ destination: PROVIDER_ACS, recipient: PROVIDER_ACS }) },
    {
      name: 'decrypted, the Recipient is the provider-specific ACS',
      input: await encryptedResponse({ destination: null, recipient: PROVIDER_ACS }),
      options: { decryptionKey: SP_KEY },
    },
    { name: 'not encrypted at all', input: (await encryptedResponse()).replace(/<saml:EncryptedAssertion>[\s\S]*<\/saml:EncryptedAssertion>/, '') },
  ],
  invalid: [
    {
      name: 'encrypted, Destination is the regional endpoint',
      input: await encryptedResponse({ destination: ACS }),
      errors: [{ messageId: 'notProviderAcs', data: { what: 'Response Destination', url: ACS } }],
    },
    {
      name: 'decrypted, the Recipient inside is the regional endpoint',
      input: await encryptedResponse({ destination: PROVIDER_ACS, recipient: ACS }),
      options: { decryptionKey: SP_KEY },
      errors: [{ messageId: 'notProviderAcs', data: { what: 'Recipient', url: ACS } }],
    },
  ],
});
