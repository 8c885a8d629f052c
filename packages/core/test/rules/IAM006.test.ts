import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { IAM006 } from '../../src/rules/iam/IAM006-saml-aud-not-sign-in-endpoint.js';
import { ACS, GLOBAL, INSTANCE_ID, positionOf, trust } from '../iam-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const input = buildResponse();
const aud = (operator: string, values: string | string[], key = 'SAML:aud') => trust({ Condition: { [operator]: { [key]: values } } });
const GR = `https://${INSTANCE_ID}.us-west-2.sign-in.connect.aws/saml`;
const audience = aud('StringEquals', 'urn:amazon:webservices');

ruleTester(IAM006, {
  valid: [
    { name: 'global and regional endpoints', input, options: { trustPolicy: trust() } },
    { name: 'Global Resiliency with `StringLike` and `*`', input, options: { trustPolicy: aud('StringLike', [`${GR}*`]) } },
    { name: 'a regional wildcard under `StringLike`', input, options: { trustPolicy: aud('StringLike', 'https://*.signin.aws.amazon.com/saml') } },
    { name: 'the provider-specific ACS', input, options: { trustPolicy: aud('StringEquals', 'https://eu-west-2.signin.aws.amazon.com/saml/acs/SAMLSP4EXAMPLE0123456789AB') } },
    { name: 'GovCloud', input, options: { trustPolicy: aud('StringEquals', 'https://signin.amazonaws-us-gov.com/saml') } },
    { name: '`ForAnyValue:StringEqualsIfExists`', input, options: { trustPolicy: aud('ForAnyValue:StringEqualsIfExists', [GLOBAL, ACS]) } },
    { name: 'a negated operator lists what to keep out', input, options: { trustPolicy: aud('StringNotEquals', 'urn:amazon:webservices') } },
    { name: 'an operator samlint does not read', input, options: { trustPolicy: aud('ArnLike', 'arn:aws:iam::*') } },
  ],
  invalid: [
    {
      name: 'the Audience instead of the endpoint',
      input,
      options: { trustPolicy: audience },
      errors: [{ messageId: 'audience', data: { key: 'SAML:aud', value: 'urn:amazon:webservices' }, severity: 'error', ...positionOf(audience, '"urn:amazon:webservices"') }],
    },
    {
      name: 'the Audience next to the endpoint is a warning',
      input,
      options: { trustPolicy: aud('StringEquals', [GLOBAL, 'urn:amazon:webservices']) },
      errors: [{ messageId: 'audience', severity: 'warning' }],
    },
    {
      name: 'the key as written, in lower case',
      input,
      options: { trustPolicy: aud('StringEquals', 'urn:amazon:webservices', 'saml:aud') },
      errors: [{ messageId: 'audience', data: { key: 'saml:aud' } }],
    },
    {
      name: 'a Global Resiliency wildcard under `StringEquals`',
      input,
      options: { trustPolicy: aud('StringEquals', `${GR}*`) },
      errors: [{ messageId: 'wildcardExact', data: { operator: 'StringEquals' }, severity: 'error' }],
    },
    { name: 'a trailing slash', input, options: { trustPolicy: aud('StringEquals', `${GLOBAL}/`) }, errors: [{ messageId: 'notEndpoint', data: { value: `${GLOBAL}/` } }] },
    { name: 'http', input, options: { trustPolicy: aud('StringEquals', 'http://signin.aws.amazon.com/saml') }, errors: [{ messageId: 'notEndpoint' }] },
    { name: 'the IdP’s own SSO URL', input, options: { trustPolicy: aud('StringEqualsIgnoreCase', 'https://example.okta.com/app/aws/sso/saml') }, errors: [{ messageId: 'notEndpoint' }] },
    { name: 'a `StringLike` pattern no endpoint matches', input, options: { trustPolicy: aud('StringLike', 'https://*.example.com/*') }, errors: [{ messageId: 'notEndpoint' }] },
    { name: 'the input itself', input: audience, errors: [{ messageId: 'audience' }] },
  ],
});
