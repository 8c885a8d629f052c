import { describe, expect, it } from 'vitest';
import { buildResponse } from '../../../../test-vectors/lib/response.mjs';
import { IAM007 } from '../../src/rules/iam/IAM007-saml-aud-recipient-mismatch.js';
import { attributeValuePositionOf } from '../cx-fixtures.js';
import { ACS, GLOBAL, INSTANCE_ID, PROVIDER_ARN, policy, positionOf, samlStatement, trust } from '../iam-fixtures.js';
import { ruleTester, runRule } from '../rule-tester.js';
import { applyFix } from '../apply-fix.js';

const input = buildResponse();
const aud = (operator: string, values: string | string[]) => trust({ Condition: { [operator]: { 'SAML:aud': values } } });
const posting = (url: string) => buildResponse({ recipient: url, destination: url });
const globalOnly = aud('StringEquals', GLOBAL);
const GR_HOST = `https://${INSTANCE_ID}.us-west-2.sign-in.connect.aws/saml`;
const GR_ACS = `${GR_HOST}?&instanceId=${INSTANCE_ID}&accountId=123456789012&role=ConnectAgent&idp=ExampleIdP`;
const PROVIDER_ACS = 'https://eu-west-2.signin.aws.amazon.com/saml/acs/SAMLSP4EXAMPLE0123456789AB';

ruleTester(IAM007, {
  valid: [
    { name: 'global and regional endpoints', input, options: { trustPolicy: trust() } },
    { name: 'the global endpoint for a global Recipient', input: posting(GLOBAL), options: { trustPolicy: globalOnly } },
    { name: 'a regional wildcard under `StringLike`', input, options: { trustPolicy: aud('StringLike', 'https://*.signin.aws.amazon.com/saml') } },
    { name: '`StringEqualsIgnoreCase`', input, options: { trustPolicy: aud('StringEqualsIgnoreCase', ACS.toUpperCase()) } },
    { name: '`ForAnyValue:StringEquals`', input, options: { trustPolicy: aud('ForAnyValue:StringEquals', [GLOBAL, ACS]) } },
    { name: '`StringEqualsIfExists`', input, options: { trustPolicy: aud('StringEqualsIfExists', ACS) } },
    { name: 'the key in lower case', input, options: { trustPolicy: trust({ Condition: { StringEquals: { 'saml:aud': ACS } } }) } },
    { name: 'an operator samlint does not evaluate is assumed to hold', input, options: { trustPolicy: aud('ArnEquals', GLOBAL) } },
    { name: 'no `SAML:aud` condition (IAM005’s)', input, options: { trustPolicy: trust({ Condition: undefined }) } },
    {
      name: 'a second statement for the same provider lets it in',
      input,
      options: { trustPolicy: policy([samlStatement({ Condition: { StringEquals: { 'SAML:aud': GLOBAL } } }), samlStatement()]) },
    },
    { name: 'Global Resiliency with `StringLike` and `*`', input: posting(GR_ACS), options: { trustPolicy: aud('StringLike', `${GR_HOST}*`) } },
    { name: 'the provider-specific ACS listed', input: posting(PROVIDER_ACS), options: { trustPolicy: aud('StringEquals', [GLOBAL, PROVIDER_ACS]) } },
    { name: 'a Recipient that is no sign-in endpoint is AWS014’s', input: posting('https://example.com/acs'), options: { trustPolicy: globalOnly } },
    { name: 'no trust policy: unchecked', input },
  ],
  invalid: [
    {
      name: 'regional Recipient, global endpoint only: at the values, labelled at the Recipient',
      input,
      options: { trustPolicy: globalOnly },
      errors: [
        {
          messageId: 'regional',
          data: {
            recipient: ACS,
            operator: 'StringEquals',
            values: `\`${GLOBAL}\``,
            suggestion: `"StringEquals": {"SAML:aud": ["${GLOBAL}", "${ACS}"]}`,
          },
          ...positionOf(globalOnly, `"${GLOBAL}"`),
        },
      ],
    },
    {
      name: 'global Recipient, regional endpoint only',
      input: posting(GLOBAL),
      options: { trustPolicy: aud('StringEquals', [ACS]) },
      errors: [{ messageId: 'mismatch', data: { suggestion: `"StringEquals": {"SAML:aud": ["${ACS}", "${GLOBAL}"]}` } }],
    },
    {
      name: 'the case differs under `StringEquals`',
      input,
      options: { trustPolicy: aud('StringEquals', [GLOBAL, ACS.replace('eu-west-2', 'EU-WEST-2')]) },
      errors: [{ messageId: 'regional' }],
    },
    {
      name: 'Global Resiliency compared exactly',
      input: posting(GR_ACS),
      options: { trustPolicy: aud('StringEquals', GR_HOST) },
      errors: [{ messageId: 'resilient', data: { suggestion: `"StringLike": {"SAML:aud": ["${GR_HOST}*"]}` } }],
    },
    {
      name: 'the provider-specific ACS not listed is a warning',
      input: posting(PROVIDER_ACS),
      options: { trustPolicy: trust() },
      errors: [{ messageId: 'providerAcs', severity: 'warning', data: { suggestion: `"StringEquals": {"SAML:aud": ["${GLOBAL}", "${ACS}", "${PROVIDER_ACS}"]}` } }],
    },
    {
      name: 'a negated operator that excludes the Recipient',
      input,
      options: { trustPolicy: aud('StringNotEquals', ACS) },
      errors: [{ messageId: 'excluded', data: { operator: 'StringNotEquals' } }],
    },
    {
      name: 'judged on the statements of the Role attribute’s provider',
      input,
      options: {
        trustPolicy: policy([
          samlStatement({ Principal: { Federated: 'arn:aws:iam::123456789012:saml-provider/Other' } }),
          samlStatement({ Principal: { Federated: PROVIDER_ARN }, Condition: { StringEquals: { 'SAML:aud': GLOBAL } } }),
        ]),
      },
      errors: [{ messageId: 'regional' }],
    },
  ],
});

describe('IAM007 labels', () => {
  it('labels the Recipient in the response', () => {
    const { result } = runRule(IAM007, input, { trustPolicy: globalOnly });
    const label = result.findings[0]?.labels?.[0];
    expect(label?.location.artifact).toBe('xml');
    expect(label?.location.span).toMatchObject(attributeValuePositionOf(input, 'Recipient'));
  });
});

describe('IAM007 fix', () => {
  const fixed = (trustPolicy: string, response = input) => {
    const fix = runRule(IAM007, response, { trustPolicy }).result.findings[0]?.fix;
    expect(fix?.location.artifact).toBe('trust-policy');
    const policyText = applyFix(trustPolicy, fix!);
    expect(runRule(IAM007, response, { trustPolicy: policyText }).reports).toEqual([]);
    return { fix: fix!, policyText };
  };

  it('turns a lone global endpoint into a list with the regional one, keeping the layout', () => {
    const { fix, policyText } = fixed(globalOnly);
    expect(fix.title).toBe(`Add \`${ACS}\` to the trust policy’s \`SAML:aud\``);
    expect(JSON.parse(policyText).Statement[0].Condition.StringEquals['SAML:aud']).toEqual([GLOBAL, ACS]);
    expect(policyText.split('\n').slice(0, 3)).toEqual(globalOnly.split('\n').slice(0, 3));
  });

  it('appends the global and the regional endpoint to a list, keeping what it holds', () => {
    const listed = aud('StringEquals', ['https://example.com/acs']);
    const { fix, policyText } = fixed(listed);
    expect(fix.title).toBe(`Add \`${GLOBAL}\` and \`${ACS}\` to the trust policy’s \`SAML:aud\``);
    expect(JSON.parse(policyText).Statement[0].Condition.StringEquals['SAML:aud']).toEqual(['https://example.com/acs', GLOBAL, ACS]);
  });

  it('appends the global endpoint for a global Recipient', () => {
    const { policyText } = fixed(aud('StringEquals', [ACS]), posting(GLOBAL));
    expect(JSON.parse(policyText).Statement[0].Condition.StringEquals['SAML:aud']).toEqual([ACS, GLOBAL]);
  });

  it('indents as the policy does, with tabs and \\r\\n', () => {
    const tabbed = globalOnly.replace(/^ +/gm, (spaces) => '\t'.repeat(spaces.length / 2)).replace(/\n/g, '\r\n');
    const { policyText } = fixed(tabbed);
    expect(policyText).toMatch(/\[\r\n\t+"https:\/\/signin[^]*",\r\n\t+"https:\/\/eu-west-2/);
    expect(policyText).not.toMatch(/[^\r]\n| {2}/);
  });

  it('offers none for an excluding operator, Global Resiliency, or a statement a second condition also stops', () => {
    const fixOf = (trustPolicy: string, response = input) => runRule(IAM007, response, { trustPolicy }).result.findings[0]?.fix;
    expect(fixOf(aud('StringNotEquals', ACS))).toBeUndefined();
    expect(fixOf(aud('StringEquals', GR_HOST), posting(GR_ACS))).toBeUndefined();
    const twice = trust({ Condition: { StringEquals: { 'SAML:aud': GLOBAL }, StringLike: { 'SAML:aud': 'https://x.example/*' } } });
    expect(runRule(IAM007, input, { trustPolicy: twice }).result.findings[0]).toMatchObject({ code: 'IAM007' });
    expect(fixOf(twice)).toBeUndefined();
  });

  it('is dropped from a redacted result', async () => {
    const { redactResult } = await import('../../src/index.js');
    const { result } = runRule(IAM007, input, { trustPolicy: globalOnly });
    expect(result.findings[0]?.fix).toBeDefined();
    expect(redactResult(result).findings[0]?.fix).toBeUndefined();
  });
});
