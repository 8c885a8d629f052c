import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { IAM003 } from '../../src/rules/iam/IAM003-trust-principal-not-saml-provider.js';
import { PROVIDER_ARN, positionOf, trust } from '../iam-fixtures.js';
import { ruleTester } from '../rule-tester.js';

const input = buildResponse();
const google = trust({ Principal: { Federated: 'accounts.google.com' } });

ruleTester(IAM003, {
  valid: [
    { name: 'the SAML provider ARN', input, options: { trustPolicy: trust() } },
    { name: 'two SAML providers', input, options: { trustPolicy: trust({ Principal: { Federated: [PROVIDER_ARN, 'arn:aws:iam::123456789012:saml-provider/Backup'] } }) } },
    { name: 'a GovCloud provider', input, options: { trustPolicy: trust({ Principal: { Federated: 'arn:aws-us-gov:iam::123456789012:saml-provider/ExampleIdP' } }) } },
    { name: 'a statement without SAML is not judged', input, options: { trustPolicy: trust({ Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }) } },
    { name: '`NotPrincipal` is not judged', input, options: { trustPolicy: trust({ Principal: undefined, NotPrincipal: { AWS: 'arn:aws:iam::123456789012:root' } }) } },
  ],
  invalid: [
    { name: 'no `Principal`', input, options: { trustPolicy: trust({ Principal: undefined }) }, errors: [{ messageId: 'noPrincipal', data: { statement: 'statement 1' } }] },
    { name: '`"Principal": "*"`', input, options: { trustPolicy: trust({ Principal: '*' }) }, errors: [{ messageId: 'anyPrincipal', severity: 'warning' }] },
    { name: '`{"AWS": "*"}`', input, options: { trustPolicy: trust({ Principal: { AWS: '*' } }) }, errors: [{ messageId: 'anyPrincipal', severity: 'warning' }] },
    {
      name: 'the account root instead of the provider',
      input,
      options: { trustPolicy: trust({ Principal: { AWS: 'arn:aws:iam::123456789012:root' } }) },
      errors: [{ messageId: 'notFederated', data: { types: '`AWS`' } }],
    },
    {
      name: 'a web identity provider, pointing at it',
      input,
      options: { trustPolicy: google },
      errors: [{ messageId: 'notSamlProvider', data: { value: 'accounts.google.com' }, severity: 'error', ...positionOf(google, '"accounts.google.com"') }],
    },
    {
      name: 'a role ARN in `Federated`',
      input,
      options: { trustPolicy: trust({ Principal: { Federated: 'arn:aws:iam::123456789012:role/ConnectAgent' } }) },
      errors: [{ messageId: 'notSamlProvider', severity: 'error' }],
    },
    {
      name: 'a stray value next to the provider is a warning',
      input,
      options: { trustPolicy: trust({ Principal: { Federated: [PROVIDER_ARN, 'cognito-identity.amazonaws.com'] } }) },
      errors: [{ messageId: 'notSamlProvider', data: { value: 'cognito-identity.amazonaws.com' }, severity: 'warning' }],
    },
    {
      name: 'a provider ARN with a short account ID',
      input,
      options: { trustPolicy: trust({ Principal: { Federated: 'arn:aws:iam::12345678901:saml-provider/ExampleIdP' } }) },
      errors: [{ messageId: 'providerMalformed', data: { defect: 'has account ID `12345678901`, not 12 digits' } }],
    },
    { name: 'the input itself', input: google, errors: [{ messageId: 'notSamlProvider' }] },
  ],
});
