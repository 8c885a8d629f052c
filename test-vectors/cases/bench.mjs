// Inputs for `pnpm bench` (scripts/bench.mjs): real signed responses of the sizes users paste. They are
// also ordinary vectors, so the expected codes are checked by the vector tests like any other.
import { RELAY_STATE, defaultAttributes } from '../lib/response.mjs';

const connect = { relayState: RELAY_STATE, users: 'users/connect-users.csv' };
/** Everything an editor's samlint.config.json gives: the IdP's metadata and the role's two policies too. */
const editorContext = {
  ...connect,
  metadata: 'metadata/idp-metadata.xml',
  trustPolicy: 'policies/trust-regional.json',
  permissionPolicy: 'policies/permission-user-resource.json',
};
const GROUP = 'http://schemas.xmlsoap.org/claims/Group';
const CLAIMS = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims';

const groups = (count) => Array.from({ length: count }, (_, i) => `CN=Contact Centre Group ${i + 1},OU=Groups,DC=example,DC=com`);

/** The user-profile claims most IdPs add next to the AWS attributes. */
const profileClaims = () => [
  [`${CLAIMS}/emailaddress`, ['jane.doe@example.com']],
  [`${CLAIMS}/givenname`, ['Jane']],
  [`${CLAIMS}/surname`, ['Doe']],
  [`${CLAIMS}/name`, ['Jane Doe']],
];

export const BENCH_CASES = [
  {
    name: 'bench-typical',
    family: 'bench',
    description: 'A typical Amazon Connect login, about 8 KB of XML (profile claims and 18 groups): no finding',
    capture: 'base64',
    response: { attributes: [...defaultAttributes(), ...profileClaims(), [GROUP, groups(18)]] },
    options: connect,
    expect: [],
  },
  {
    name: 'bench-50-attributes',
    family: 'bench',
    description: 'A clean Amazon Connect login carrying 50 attributes, most of them plain IdP claims: no finding',
    capture: 'base64',
    response: {
      attributes: [
        ...defaultAttributes(),
        ...profileClaims(),
        [GROUP, groups(3)],
        // Distinct names, so that only the count grows, not the number of values of one attribute.
        ...Array.from({ length: 42 }, (_, i) => [`https://idp.example.com/claims/extension-${i + 1}`, [`value ${i + 1}`]]),
      ],
    },
    options: connect,
    expect: [],
  },
  {
    name: 'bench-1mb',
    family: 'bench',
    description: 'A clean login swollen by group values to about 1 MB of XML, so its base64 is over AWS’s 100,000 characters',
    capture: 'base64',
    response: { attributes: [...defaultAttributes(), [GROUP, groups(8330)]] },
    options: connect,
    expect: ['IN006'],
  },
  {
    name: 'bench-editor',
    family: 'bench',
    description: 'A clean login of about 44 KB of XML (320 groups) with the whole context an editor is configured with: users, IdP metadata, trust and permission policies',
    capture: 'base64',
    response: { attributes: [...defaultAttributes(), ...profileClaims(), [GROUP, groups(320)]] },
    options: editorContext,
    expect: [],
  },
];
