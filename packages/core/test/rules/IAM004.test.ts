import { describe, expect, it } from 'vitest';
import { AWS, PROVIDER_ARN, ROLE_ARN, buildResponse, withAttributes } from '../../../../test-vectors/lib/response.mjs';
import { IAM004 } from '../../src/rules/iam/IAM004-trust-provider-mismatch.js';
import { positionOf, trust } from '../iam-fixtures.js';
import { ruleTester, runRule } from '../rule-tester.js';

const input = buildResponse();
const withRole = (...values: string[]) => buildResponse({ attributes: withAttributes({ [AWS.role]: values }) });
const OKTA = 'arn:aws:iam::123456789012:saml-provider/OktaProd';
const okta = trust({ Principal: { Federated: OKTA } });

ruleTester(IAM004, {
  valid: [
    { name: 'the provider the Role attribute names', input, options: { trustPolicy: trust() } },
    { name: 'one of two trusted providers', input, options: { trustPolicy: trust({ Principal: { Federated: [OKTA, PROVIDER_ARN] } }) } },
    { name: 'provider first in the pair', input: withRole(`${PROVIDER_ARN},${ROLE_ARN}`), options: { trustPolicy: trust() } },
    { name: 'one of two pairs is trusted', input: withRole(`${ROLE_ARN},${OKTA}`, `${ROLE_ARN},${PROVIDER_ARN}`), options: { trustPolicy: trust() } },
    { name: 'every principal is trusted (IAM003 warns)', input, options: { trustPolicy: trust({ Principal: '*' }) } },
    { name: 'no SAML provider in the policy to compare (IAM003)', input, options: { trustPolicy: trust({ Principal: { Federated: 'accounts.google.com' } }) } },
    { name: 'no well-formed pair to compare (AWS002)', input: withRole(`${ROLE_ARN}`), options: { trustPolicy: okta } },
    { name: 'no trust policy: unchecked', input },
  ],
  invalid: [
    {
      name: 'another provider, pointing at the policy',
      input,
      options: { trustPolicy: okta },
      errors: [{ messageId: 'mismatch', data: { trusted: `\`${OKTA}\``, providers: `\`${PROVIDER_ARN}\`` }, ...positionOf(okta, `"${OKTA}"`) }],
    },
    {
      name: 'a provider name differing in case',
      input,
      options: { trustPolicy: trust({ Principal: { Federated: PROVIDER_ARN.toLowerCase() } }) },
      errors: [{ messageId: 'mismatch' }],
    },
    {
      name: 'two pairs, neither trusted',
      input: withRole(`${ROLE_ARN},${PROVIDER_ARN}`, `${ROLE_ARN},arn:aws:iam::123456789012:saml-provider/Backup`),
      options: { trustPolicy: okta },
      errors: [{ messageId: 'mismatch', data: { providers: `\`${PROVIDER_ARN}\` and \`arn:aws:iam::123456789012:saml-provider/Backup\`` } }],
    },
  ],
});

describe('IAM004 notes and labels', () => {
  it('says when the ARNs differ only in case', () => {
    const { result } = runRule(IAM004, input, { trustPolicy: trust({ Principal: { Federated: PROVIDER_ARN.replace('ExampleIdP', 'exampleidp') } }) });
    expect(result.findings[0]?.notes).toEqual(['the ARNs differ only in case; IAM compares a Principal ARN exactly']);
  });
  it('says when the trusted provider is in another account than the role', () => {
    const { result } = runRule(IAM004, input, { trustPolicy: trust({ Principal: { Federated: 'arn:aws:iam::210987654321:saml-provider/ExampleIdP' } }) });
    expect(result.findings[0]?.notes).toEqual([
      'the trusted provider is in another account than the role; IAM trusts only a SAML provider in the role’s own account',
    ]);
  });
  it('labels the provider ARN in the response', () => {
    const { result } = runRule(IAM004, input, { trustPolicy: okta });
    const label = result.findings[0]?.labels?.[0];
    expect(label?.location.artifact).toBe('xml');
    const line = input.split('\n')[(label?.location.span.line ?? 0) - 1] ?? '';
    expect(line.slice((label?.location.span.column ?? 0) - 1, (label?.location.span.endColumn ?? 0) - 1)).toBe(PROVIDER_ARN);
  });
});
