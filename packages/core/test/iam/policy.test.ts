import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/json/tree.js';
import { conditionHolds, coversAction, coversProvider } from '../../src/iam/evaluate.js';
import { federationGrants } from '../../src/iam/federation-token.js';
import { parseOperator, readPolicy, type Policy, type PolicyStatement } from '../../src/iam/policy.js';
import { classifyAudValue } from '../../src/iam/trust.js';
import { INSTANCE_ID, PROVIDER_ARN, USER_RESOURCE, federationStatement, permission, policy, samlStatement, trust } from '../iam-fixtures.js';

/** The one statement of a policy. */
function only(view: Policy): PolicyStatement {
  const [statement] = view.statements;
  if (!statement || view.statements.length !== 1) throw new Error('not one statement');
  return statement;
}

function read(text: string): Policy {
  const view = readPolicy(parseJson(text, 'trust-policy'));
  if (!view) throw new Error('not a policy');
  return view;
}

describe('readPolicy', () => {
  it('reads statements, with string-or-list elements and their nodes', () => {
    const view = read(trust({ Sid: 'Saml', Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'] }));
    const [statement] = view.statements;
    expect(view.version).toBe('2012-10-17');
    expect(statement?.sid).toBe('Saml');
    expect(statement?.effect).toBe('Allow');
    expect(statement?.action?.values.map((v) => v.text)).toEqual(['sts:AssumeRoleWithSAML', 'sts:TagSession']);
    expect(statement?.principal?.entries).toMatchObject([{ type: 'Federated', values: [{ text: PROVIDER_ARN }] }]);
    expect(statement?.conditions).toMatchObject([{ operator: { base: 'StringEquals' }, key: 'SAML:aud' }]);
    expect(view.problems).toEqual([]);
  });

  it('is not a policy without `Statement`', () => {
    expect(readPolicy(parseJson('{"Version": "2012-10-17"}', 'trust-policy'))).toBeUndefined();
    expect(readPolicy(parseJson('{', 'trust-policy'))).toBeUndefined();
  });

  it('leaves out statements whose Effect it cannot read, and says why', () => {
    const view = read(policy([samlStatement({ Effect: 'allow' }), samlStatement()]));
    expect(view.statements.map((s) => s.index)).toEqual([1]);
    expect(view.problems).toMatchObject([{ kind: 'effect', value: 'allow' }]);
  });

  it('reads NotAction, NotResource and NotPrincipal as negated', () => {
    const view = read(policy([{ Effect: 'Deny', NotPrincipal: { AWS: 'x' }, NotAction: 'iam:*', NotResource: '*' }]));
    const [statement] = view.statements;
    expect([statement?.principal?.negated, statement?.action?.negated, statement?.resource?.negated]).toEqual([true, true, true]);
  });

  it('parses condition operators', () => {
    expect(parseOperator('ForAnyValue:StringLikeIfExists')).toEqual({ name: 'ForAnyValue:StringLikeIfExists', base: 'StringLike', set: 'ForAnyValue', ifExists: true });
    expect(parseOperator('forallvalues:StringEquals')).toMatchObject({ base: 'StringEquals', set: 'ForAllValues', ifExists: false });
  });
});

describe('statement evaluation', () => {
  it('matches actions with wildcards and NotAction', () => {
    const [allow, not] = read(policy([samlStatement({ Action: 'sts:AssumeRoleWith*' }), samlStatement({ Action: undefined, NotAction: 'sts:Tag*' })])).statements;
    expect(allow && coversAction(allow, 'sts:assumerolewithsaml')).toBe(true);
    expect(allow && coversAction(allow, 'sts:TagSession')).toBe(false);
    expect(not && coversAction(not, 'sts:AssumeRoleWithSAML')).toBe(true);
    expect(not && coversAction(not, 'sts:TagSession')).toBe(false);
  });

  it('matches the provider exactly, or `*`', () => {
    const [exact, any] = read(policy([samlStatement(), samlStatement({ Principal: '*' })])).statements;
    expect(exact && coversProvider(exact, PROVIDER_ARN)).toBe(true);
    expect(exact && coversProvider(exact, PROVIDER_ARN.toLowerCase())).toBe(false);
    expect(any && coversProvider(any, 'arn:aws:iam::1:saml-provider/x')).toBe(true);
  });

  it('reads `${aws:userid}` in a Resource only under Version 2012-10-17', () => {
    const target = { region: 'eu-west-2', account: '123456789012', instanceId: INSTANCE_ID };
    expect(federationGrants(read(permission()), target)).toHaveLength(1);
    expect(federationGrants(read(policy([federationStatement()], '2008-10-17')), target)).toEqual([]);
  });

  it('evaluates string conditions and leaves other operators undecided', () => {
    const view = read(policy([samlStatement({ Condition: { StringLike: { 'SAML:aud': 'https://*.signin.aws.amazon.com/saml' }, StringNotEquals: { 'saml:AUD': 'x' }, DateLessThan: { 'aws:CurrentTime': '2030-01-01' } } })]));
    const [like, notEquals, date] = only(view).conditions;
    if (!like || !notEquals || !date) throw new Error('three conditions expected');
    expect(conditionHolds(view, like, 'https://eu-west-2.signin.aws.amazon.com/saml')).toBe(true);
    expect(conditionHolds(view, like, 'https://signin.aws.amazon.com/saml')).toBe(false);
    expect(conditionHolds(view, notEquals, 'x')).toBe(false);
    expect(conditionHolds(view, date, '2026-01-01')).toBeUndefined();
  });
});

describe('GetFederationToken grants', () => {
  const target = { partition: 'aws', region: 'eu-west-2', account: '123456789012', instanceId: INSTANCE_ID };
  it.each([
    ['form 1', permission(), true],
    ['form 2', permission({ Resource: '*', Condition: { StringEquals: { 'connect:InstanceId': INSTANCE_ID } } }), true],
    ['form 2, another instance', permission({ Resource: '*', Condition: { StringEquals: { 'connect:InstanceId': 'other' } } }), false],
    ['another region', permission({ Resource: USER_RESOURCE.replace('eu-west-2', 'us-east-1') }), false],
    ['a wildcard spanning the fields', permission({ Resource: `arn:aws:connect:*/${INSTANCE_ID}/*` }), true],
  ])('%s', (_, text, granted) => {
    expect(federationGrants(read(text), target).length > 0).toBe(granted);
  });
});

describe('classifyAudValue', () => {
  it.each([
    ['https://signin.aws.amazon.com/saml', false, 'endpoint'],
    ['urn:amazon:webservices', false, 'audience'],
    ['urn:amazon:webservices:govcloud', true, 'audience'],
    ['https://x.us-west-2.sign-in.connect.aws/saml*', true, 'endpoint'],
    ['https://x.us-west-2.sign-in.connect.aws/saml*', false, 'wildcard-exact'],
    ['https://signin.aws.amazon.com/saml/', false, 'other'],
  ] as const)('%s (like: %s) is %s', (value, like, kind) => {
    expect(classifyAudValue(value, like)).toBe(kind);
  });
});
