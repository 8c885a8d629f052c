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
    { name: 'the global sign-in URL (Google Workspace, Entra ID gallery app)', input: buildResponse({ audiences: ['https://signin.aws.amazon.com/saml'] }) },
    { name: 'a regional sign-in URL', input: buildResponse({ audiences: ['https://eu-west-2.signin.aws.amazon.com/saml'] }) },
    { name: 'the GovCloud sign-in URL', input: buildResponse({ audiences: ['https://signin.amazonaws-us-gov.com/saml'] }) },
    { name: 'a GovCloud regional sign-in URL', input: buildResponse({ audiences: ['https://us-gov-east-1.signin.amazonaws-us-gov.com/saml'] }) },
    { name: 'the China sign-in URL', input: buildResponse({ audiences: ['https://signin.amazonaws.cn/saml'] }) },
    { name: 'a China regional sign-in URL', input: buildResponse({ audiences: ['https://cn-north-1.signin.amazonaws.cn/saml'] }) },
    { name: 'the sign-in URL among other audiences', input: buildResponse({ audiences: ['https://idp.example.com/', 'https://signin.aws.amazon.com/saml'] }) },
    {
      name: 'the unconfirmed GovCloud audience, posted to GovCloud',
      input: buildResponse({ audiences: ['urn:amazon:webservices:govcloud'], recipient: GOVCLOUD_ACS, destination: GOVCLOUD_ACS }),
    },
  ],
  invalid: [
    {
      name: 'an audience no evidence supports, pointing at it',
      input: buildResponse({ audiences: ['https://idp.example.com/'] }),
      errors: [{ messageId: 'notAws', data: { found: '`https://idp.example.com/`' }, line: 12, column: 48 }],
    },
    {
      name: 'a sign-in URL over http',
      input: buildResponse({ audiences: ['http://signin.aws.amazon.com/saml'] }),
      errors: [{ messageId: 'notAws' }],
    },
    {
      name: 'the obsolete /static/saml sign-in URL',
      input: buildResponse({ audiences: ['https://signin.aws.amazon.com/static/saml'] }),
      errors: [{ messageId: 'notAws' }],
    },
    {
      name: 'the AWS console URL',
      input: buildResponse({ audiences: ['https://console.aws.amazon.com/'] }),
      errors: [{ messageId: 'notAws' }],
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
