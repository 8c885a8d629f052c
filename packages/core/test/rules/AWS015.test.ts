import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { AWS015 } from '../../src/rules/aws/AWS015-audience-not-aws.js';
import { ruleTester } from '../rule-tester.js';

const GOVCLOUD_ACS = 'https://signin.amazonaws-us-gov.com/saml';

ruleTester(AWS015, {
  valid: [
    { name: 'the AWS entity ID', input: buildResponse() },
    { name: 'among other audiences', input: buildResponse({ audiences: ['https://idp.example.com/', 'urn:amazon:webservices'] }) },
    { name: 'no AudienceRestriction is SAML016’s', input: buildResponse({ audiences: null }) },
    { name: 'an empty AudienceRestriction is SAML016’s', input: buildResponse({ audiences: [] }) },
    {
      name: 'the unconfirmed GovCloud audience, posted to GovCloud',
      input: buildResponse({ audiences: ['urn:amazon:webservices:govcloud'], recipient: GOVCLOUD_ACS, destination: GOVCLOUD_ACS }),
    },
  ],
  invalid: [
    {
      name: 'the sign-in URL as the audience, pointing at it',
      input: buildResponse({ audiences: ['https://signin.aws.amazon.com/saml'] }),
      errors: [{ messageId: 'notAws', data: { found: '`https://signin.aws.amazon.com/saml`' }, line: 12, column: 48 }],
    },
    {
      name: 'two wrong audiences',
      input: buildResponse({ audiences: ['https://idp.example.com/', 'urn:amazon:webservice'] }),
      errors: [{ messageId: 'notAws', data: { found: '`https://idp.example.com/`, `urn:amazon:webservice`' } }],
    },
    {
      name: 'the GovCloud audience on the commercial endpoint',
      input: buildResponse({ audiences: ['urn:amazon:webservices:govcloud'] }),
      errors: [{ messageId: 'notAws' }],
    },
    {
      name: 'case matters',
      input: buildResponse({ audiences: ['URN:amazon:webservices'] }),
      errors: [{ messageId: 'notAws' }],
    },
  ],
});
