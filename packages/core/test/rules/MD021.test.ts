import { describe, expect, it } from 'vitest';
import type { LintOptions } from '../../src/index.js';
import { MD021 } from '../../src/rules/md/MD021-aws-sp-acs-region-mismatch.js';
import { RELAY_STATE } from '../../../../test-vectors/lib/response.mjs';
import { awsSp } from '../metadata-fixtures.js';
import { attributeValuePositionOf } from '../cx-fixtures.js';
import { ruleTester, runRule } from '../rule-tester.js';
import { applyFix } from '../apply-fix.js';

const US_EAST_1 = awsSp('https://us-east-1.signin.aws.amazon.com/saml');

ruleTester(MD021, {
  valid: [
    { name: 'the instance region (from the relay state)', input: awsSp(), options: { relayState: RELAY_STATE } },
    { name: 'the instance region (from --region)', input: awsSp(), options: { region: 'eu-west-2' } },
    { name: 'the global endpoint names no region', input: awsSp('https://signin.aws.amazon.com/saml'), options: { region: 'eu-west-2' } },
    { name: 'no region: unchecked', input: US_EAST_1 },
    { name: 'not a sign-in endpoint is MD020’s', input: awsSp('https://example.com/saml'), options: { region: 'eu-west-2' } },
  ],
  invalid: [
    {
      name: 'us-east-1 for an eu-west-2 instance, pointing at the Location',
      input: US_EAST_1,
      options: { relayState: RELAY_STATE },
      errors: [{ messageId: 'mismatch', data: { acsRegion: 'us-east-1', region: 'eu-west-2' }, ...attributeValuePositionOf(US_EAST_1, 'Location') }],
    },
    {
      name: 'the encrypted-assertion ACS of another region',
      input: awsSp('https://us-west-2.signin.aws.amazon.com/saml/acs/SAMLPAJ5F3BQC8XK2LCM7D4E'),
      options: { region: 'eu-west-2' },
      errors: [{ messageId: 'mismatch', data: { acsRegion: 'us-west-2' } }],
    },
  ],
});

describe('MD021 fix', () => {
  const fixOf = (input: string, options: LintOptions = { relayState: RELAY_STATE }) => runRule(MD021, input, options).result.findings[0]?.fix;

  it('sets the Location to the instance region’s endpoint, after which the rule passes', () => {
    const fix = fixOf(US_EAST_1);
    expect(fix).toMatchObject({ title: 'Set the Location to `https://eu-west-2.signin.aws.amazon.com/saml`', location: { artifact: 'input' } });
    const fixed = applyFix(US_EAST_1, fix!);
    expect(fixed).toBe(awsSp());
    expect(runRule(MD021, fixed, { relayState: RELAY_STATE }).reports).toEqual([]);
  });

  it('points into the input past a byte order mark and leading lines', () => {
    const input = `\uFEFF\n\n${US_EAST_1}`;
    expect(applyFix(input, fixOf(input)!)).toBe(`\uFEFF\n\n${awsSp()}`);
  });

  it('uses the endpoint AWS lists for us-east-1, the bare host', () => {
    const input = awsSp('https://eu-west-2.signin.aws.amazon.com/saml');
    expect(fixOf(input, { region: 'us-east-1' })?.replacement).toBe('https://signin.aws.amazon.com/saml');
  });

  it('offers none in signed metadata, metadata decoded from base64, a provider-specific ACS or a region without Connect', () => {
    const signed = US_EAST_1.replace('<SPSSODescriptor', '<ds:Signature><ds:SignedInfo/></ds:Signature>\n  <SPSSODescriptor');
    expect(runRule(MD021, signed, { relayState: RELAY_STATE }).reports).toHaveLength(1);
    expect(fixOf(signed)).toBeUndefined();
    const base64 = Buffer.from(US_EAST_1).toString('base64');
    expect(runRule(MD021, base64, { relayState: RELAY_STATE }).reports).toHaveLength(1);
    expect(fixOf(base64)).toBeUndefined();
    expect(fixOf(awsSp('https://us-west-2.signin.aws.amazon.com/saml/acs/SAMLPAJ5F3BQC8XK2LCM7D4E'))).toBeUndefined();
    expect(fixOf(US_EAST_1, { region: 'eu-north-1' })).toBeUndefined();
  });
});
