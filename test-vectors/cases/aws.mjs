// aws vectors: see index.mjs for the case shape.
import { AWS, PROVIDER_ARN, ROLE_ARN, withAttributes } from '../lib/response.mjs';

const attributes = (changes) => ({ attributes: withAttributes(changes) });
const roleValues = (...values) => attributes({ [AWS.role]: values });
const postedTo = (url) => ({ recipient: url, destination: url });
const govCloudPair =
  'arn:aws-us-gov:iam::123456789012:role/ConnectAgent,arn:aws-us-gov:iam::123456789012:saml-provider/ExampleIdP';

export const AWS_CASES = [
  {
    name: 'role-attribute-missing',
    family: 'aws',
    description: 'A user assigned no AWS role: the IdP leaves the Role attribute out',
    response: attributes({ [AWS.role]: null }),
    expect: ['AWS001'],
  },
  {
    name: 'role-bare-name',
    family: 'aws',
    description: 'A group-name mapping sends the role name `ConnectAgent` instead of the ARN pair',
    response: roleValues('ConnectAgent'),
    expect: ['AWS002'],
  },
  {
    name: 'role-pair-trailing-comma',
    family: 'aws',
    description: 'A claim template leaves a trailing comma after the provider ARN',
    response: roleValues(`${ROLE_ARN},${PROVIDER_ARN},`),
    expect: ['AWS002'],
  },
  {
    name: 'role-pair-provider-first',
    family: 'aws',
    description: 'The pair written provider first, as an AWS ADFS blog post did: accepted, no finding',
    response: roleValues(`${PROVIDER_ARN},${ROLE_ARN}`),
    expect: [],
  },
  {
    name: 'role-pair-space-after-comma',
    family: 'aws',
    description: 'A claim expression joins the ARNs with `", "`',
    response: roleValues(`${ROLE_ARN}, ${PROVIDER_ARN}`),
    expect: ['AWS003'],
  },
  {
    name: 'role-pair-account-mismatch',
    family: 'aws',
    description: 'The role in 123456789012 paired with the SAML provider of account 210987654321',
    response: roleValues(`${ROLE_ARN},arn:aws:iam::210987654321:saml-provider/ExampleIdP`),
    expect: ['AWS004'],
  },
  {
    name: 'role-govcloud-commercial-endpoint',
    family: 'aws',
    description: 'GovCloud role and provider ARNs posted to the commercial eu-west-2 sign-in endpoint',
    response: roleValues(govCloudPair),
    expect: ['AWS005'],
  },
  {
    name: 'role-session-name-missing',
    family: 'aws',
    description: 'No RoleSessionName attribute: STS answers "RoleSessionName is required in AuthnResponse"',
    response: attributes({ [AWS.roleSessionName]: null }),
    expect: ['AWS006'],
  },
  {
    name: 'role-session-name-display-name',
    family: 'aws',
    description: 'RoleSessionName mapped to the display name `Jane Doe`',
    response: attributes({ [AWS.roleSessionName]: ['Jane Doe'] }),
    expect: ['AWS007'],
  },
  {
    name: 'role-session-name-two-values',
    family: 'aws',
    description: 'RoleSessionName mapped to a multi-valued property: the email and an alias',
    response: attributes({ [AWS.roleSessionName]: ['jane.doe@example.com', 'jdoe@example.com'] }),
    expect: ['AWS008'],
  },
  {
    name: 'session-duration-too-short',
    family: 'aws',
    description: 'SessionDuration `600`, under the 900-second minimum',
    response: attributes({ [AWS.sessionDuration]: ['600'] }),
    expect: ['AWS009'],
  },
  {
    name: 'source-identity-reserved-prefix',
    family: 'aws',
    description: 'SourceIdentity `aws:jane.doe`, which starts with the reserved `aws:` prefix',
    response: attributes({ [AWS.sourceIdentity]: ['aws:jane.doe'] }),
    expect: ['AWS010'],
  },
  {
    name: 'principal-tag-multi-valued',
    family: 'aws',
    description: 'A group list mapped to `PrincipalTag:Department`: STS does not support multi-valued session tags',
    response: attributes({ [AWS.principalTag('Department')]: ['Sales', 'Support'] }),
    expect: ['AWS011'],
  },
  {
    name: 'principal-tag-case-duplicate',
    family: 'aws',
    description: 'Tags `Department` and `department` from two mappings: AWS treats them as one key',
    response: attributes({ [AWS.principalTag('Department')]: ['Sales'], [AWS.principalTag('department')]: ['Support'] }),
    expect: ['AWS012'],
  },
  {
    name: 'transitive-tag-key-unknown',
    family: 'aws',
    description: 'TransitiveTagKeys names `CostCenter`, which is not sent as a PrincipalTag',
    response: attributes({ [AWS.principalTag('Department')]: ['Sales'], [AWS.transitiveTagKeys]: ['Department', 'CostCenter'] }),
    expect: ['AWS013'],
  },
  {
    name: 'recipient-http',
    family: 'aws',
    description: 'ACS configured as `http://signin.aws.amazon.com/saml` (Recipient and Destination)',
    response: postedTo('http://signin.aws.amazon.com/saml'),
    expect: ['AWS014'],
  },
  {
    name: 'recipient-static-saml',
    family: 'aws',
    description: 'ACS `https://signin.aws.amazon.com/static/saml`, from the 2023 documentation',
    response: postedTo('https://signin.aws.amazon.com/static/saml'),
    expect: ['AWS014'],
  },
  {
    name: 'audience-sign-in-url',
    family: 'aws',
    description: 'The sign-in URL as the IdP audience, as Google Workspace and Entra ID send it; AWS accepts it',
    response: { audiences: ['https://signin.aws.amazon.com/saml'] },
    expect: [],
  },
  {
    name: 'audience-unknown',
    family: 'aws',
    description: 'The Audience is the IdP application’s own URL, a value AWS is not known to accept',
    response: { audiences: ['https://example.okta.com/app/amazon_aws/exk1a2b3c4d5e6f7g8h9/sso/saml'] },
    expect: ['AWS015'],
  },
  {
    name: 'attribute-name-lower-case',
    family: 'aws',
    description: 'SessionDuration sent as `…/Attributes/sessionduration`, which AWS ignores',
    response: attributes({ [AWS.sessionDuration]: null, 'https://aws.amazon.com/SAML/Attributes/sessionduration': ['43200'] }),
    expect: ['AWS016'],
  },
  {
    name: 'role-session-name-http-name',
    family: 'aws',
    description: 'RoleSessionName named with `http://`: AWS ignores it, so the attribute is missing',
    response: attributes({ [AWS.roleSessionName]: null, 'http://aws.amazon.com/SAML/Attributes/RoleSessionName': ['jane.doe@example.com'] }),
    expect: ['AWS006', 'AWS016'],
  },
];
