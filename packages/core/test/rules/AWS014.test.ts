import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { AWS014 } from '../../src/rules/aws/AWS014-recipient-not-sign-in-endpoint.js';
import { ruleTester } from '../rule-tester.js';

const to = (recipient: string | null) => buildResponse({ recipient, destination: recipient });

ruleTester(AWS014, {
  valid: [
    { name: 'the global endpoint', input: to('https://signin.aws.amazon.com/saml') },
    { name: 'a regional endpoint', input: to('https://eu-west-2.signin.aws.amazon.com/saml') },
    { name: 'an opt-in region', input: to('https://af-south-1.signin.aws.amazon.com/saml') },
    { name: 'GovCloud West', input: to('https://signin.amazonaws-us-gov.com/saml') },
    { name: 'GovCloud East', input: to('https://us-gov-east-1.signin.amazonaws-us-gov.com/saml') },
    { name: 'China', input: to('https://signin.amazonaws.cn/saml') },
    { name: 'the provider-specific ACS', input: to('https://eu-west-2.signin.aws.amazon.com/saml/acs/SAMLSP4SHN3UIS2D558H46') },
    {
      name: 'Connect Global Resiliency, with its query string',
      input: to('https://0b8e2f7c-3d4a-4e5f-9a6b-7c8d9e0f1a2b.us-east-1.sign-in.connect.aws/saml?&instanceId=0b8e2f7c-3d4a-4e5f-9a6b-7c8d9e0f1a2b&accountId=123456789012'),
    },
    { name: 'no Recipient is SAML011’s', input: to(null) },
    {
      name: 'only bearer confirmations are read',
      input: buildResponse({ subjectConfirmations: [{ method: 'urn:oasis:names:tc:SAML:2.0:cm:holder-of-key', recipient: 'https://idp.example.com/' }] }),
    },
  ],
  invalid: [
    {
      name: 'an IdP URL, pointing at the Recipient value',
      input: to('https://idp.example.com/sso/saml'),
      errors: [{ messageId: 'notSignIn', data: { recipient: 'https://idp.example.com/sso/saml' }, line: 9, column: 157 }],
    },
    {
      name: 'a look-alike host',
      input: to('https://signin.aws.amazon.com.example.net/saml'),
      errors: [{ messageId: 'notSignIn' }],
    },
    {
      name: 'not a URL',
      input: to('urn:amazon:webservices'),
      errors: [{ messageId: 'notSignIn' }],
    },
    {
      name: 'a relative path',
      input: to('/saml'),
      errors: [{ messageId: 'notUrl', data: { recipient: '/saml' } }],
    },
    {
      name: 'http',
      input: to('http://signin.aws.amazon.com/saml'),
      errors: [{ messageId: 'insecure', data: { scheme: 'http' } }],
    },
    {
      name: 'a trailing slash',
      input: to('https://signin.aws.amazon.com/saml/'),
      errors: [{ messageId: 'path', data: { path: '/saml/' } }],
    },
    {
      name: 'the metadata URL',
      input: to('https://signin.aws.amazon.com/static/saml-metadata.xml'),
      errors: [{ messageId: 'path', data: { path: '/static/saml-metadata.xml' } }],
    },
    {
      name: 'Global Resiliency without `/saml`',
      input: to('https://0b8e2f7c-3d4a-4e5f-9a6b-7c8d9e0f1a2b.us-east-1.sign-in.connect.aws/'),
      errors: [{ messageId: 'path', data: { path: '/' } }],
    },
    {
      name: 'the obsolete /static/saml: a warning',
      input: to('https://signin.aws.amazon.com/static/saml'),
      errors: [{ messageId: 'obsolete', severity: 'warning' }],
    },
    {
      name: 'a region that does not exist',
      input: to('https://eu-west-9.signin.aws.amazon.com/saml'),
      errors: [{ messageId: 'unknownRegion', data: { region: 'eu-west-9', partition: 'aws' } }],
    },
    {
      name: 'a GovCloud region under the commercial host',
      input: to('https://us-gov-east-1.signin.aws.amazon.com/saml'),
      errors: [{ messageId: 'unknownRegion', data: { region: 'us-gov-east-1', partition: 'aws' } }],
    },
    {
      name: 'a host label that is no region',
      input: to('https://www.signin.aws.amazon.com/saml'),
      errors: [{ messageId: 'unknownHost', data: { host: 'www.signin.aws.amazon.com' } }],
    },
    {
      name: 'us-east-1 written as a regional host: a warning',
      input: to('https://us-east-1.signin.aws.amazon.com/saml'),
      errors: [{ messageId: 'unlistedHost', data: { listed: 'signin.aws.amazon.com' }, severity: 'warning' }],
    },
    {
      name: 'whitespace around the URL: a warning',
      input: to('https://signin.aws.amazon.com/saml '),
      errors: [{ messageId: 'whitespace', severity: 'warning' }],
    },
    {
      name: 'each bearer confirmation is checked',
      input: buildResponse({
        subjectConfirmations: [
          { method: 'urn:oasis:names:tc:SAML:2.0:cm:bearer', recipient: 'https://signin.aws.amazon.com/saml' },
          { method: 'urn:oasis:names:tc:SAML:2.0:cm:bearer', recipient: 'https://login.example.com/acs' },
        ],
      }),
      errors: [{ messageId: 'notSignIn' }],
    },
  ],
});
