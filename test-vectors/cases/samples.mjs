// The captures `pnpm sample` (the README's first command) diagnoses: a realistic failed Amazon Connect
// login, as the browser posted it and as its HAR export. Their expectations are checked like every other vector's.
import { AWS, INSTANCE_ID, withAttributes } from '../lib/response.mjs';

/** The failed login both samples hold: the user name's capitals, another region, a raw `/` in destination. */
const login = {
  family: 'samples',
  sign: 'both',
  response: { attributes: withAttributes({ [AWS.roleSessionName]: ['Jane.Doe@example.com'] }) },
};
const context = {
  relayState: `https://us-east-1.console.aws.amazon.com/connect/federate/${INSTANCE_ID}?destination=/agent-app-v2`,
  users: 'users/connect-users.csv',
  certificates: [],
  metadata: 'metadata/idp-metadata.xml',
};

export const SAMPLE_CASES = [
  {
    ...login,
    name: 'agent-access-denied',
    description:
      'An agent sees "Access Denied … not been onboarded": the IdP sends the email with its capitals, the relay state points at another region and its destination is not URL-encoded',
    capture: 'form',
    options: context,
    expect: ['CX003', 'CX006', 'CX007'],
  },
  {
    ...login,
    name: 'browser-export',
    description:
      'The same failed login as the browser’s HAR export, checked with the role’s trust and permission policies as well (the permission policy shows the relay state’s region is the wrong one)',
    capture: 'har',
    options: { ...context, trustPolicy: 'policies/trust-regional.json', permissionPolicy: 'policies/permission-user-resource.json' },
    // The role may fetch a federation token for the instance in eu-west-2 only: the relay state's us-east-1 is wrong.
    expect: ['CX003', 'CX006', 'CX007', 'IAM010'],
  },
];
