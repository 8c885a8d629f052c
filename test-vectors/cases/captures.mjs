// HAR files and SAML-tracer exports (lib/captures.mjs): see index.mjs for the case shape. `logins` adds
// logins after the case's own (`{ response, sign }` each), `har` shapes each HAR login, `tracer` is
// `{ profile, legacy }`. A file with several logins expects the union of their codes.
import { AWS, DEFAULTS, RELAY_STATE, withAttributes } from '../lib/response.mjs';

const users = 'users/connect-users.csv';
const issuer = { sp: { issuer: DEFAULTS.issuer } };
/** No --now: the capture's own clock (the `Date` header of AWS's answer) is the time. */
const captureClock = { now: undefined };
const plusAddressing = { attributes: withAttributes({ [AWS.roleSessionName]: ['jane.doe+agent@example.com'] }) };
/** A display name with non-ASCII letters, which no AWS rule reads. */
const displayName = { attributes: withAttributes({ 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name': ['Zoë Müller'] }) };

/** The HAR without its POST entries: what a capture started after the login holds. */
const withoutPosts = (text) => {
  const har = JSON.parse(text);
  har.log.entries = har.log.entries.filter((entry) => entry.request.method !== 'POST');
  return `${JSON.stringify(har, null, 2)}\n`;
};

/** The SAMLResponse value encoded a second time, in the body text and the params alike. */
const encodedTwice = (text) => {
  const value = /SAMLResponse=([^&"]*)/.exec(text)[1];
  return text.split(value).join(encodeURIComponent(value));
};

/** An export whose requests lost their decoded `saml` field (an older or edited export). */
const withoutSamlField = (text) => {
  const trace = JSON.parse(text);
  for (const request of trace.requests) delete request.saml;
  return JSON.stringify(trace, null, 2);
};

export const CONTAINER_CASES = [
  {
    name: 'clean-har',
    family: 'clean',
    description: 'The clean login in a HAR file as Chrome exports it; the Date header of AWS’s answer is the clock',
    capture: 'har',
    sign: 'both',
    options: { users, ...issuer, ...captureClock, trustPolicy: 'policies/trust-regional.json', permissionPolicy: 'policies/permission-user-resource.json' },
    expect: [],
  },
  {
    name: 'har-two-logins',
    family: 'capture',
    description: 'A HAR file with two logins: the clean one, then the user-name-plus-addressing one (RoleSessionName with `+`)',
    capture: 'har',
    logins: [{ response: plusAddressing }],
    options: captureClock,
    expect: ['CX001'],
  },
  {
    name: 'har-double-encoded-value',
    family: 'capture',
    description: 'The double-encoded-value login (SAMLResponse URL-encoded twice) as a HAR file records it',
    capture: 'har',
    mangle: encodedTwice,
    options: { users, ...captureClock },
    expect: ['IN005'],
  },
  {
    name: 'har-params-only',
    family: 'capture',
    description: 'A HAR file whose POST keeps only `postData.params`, no `text`',
    capture: 'har',
    har: { postData: 'params' },
    options: { users, ...captureClock },
    expect: [],
  },
  {
    name: 'har-post-data-missing',
    family: 'capture',
    description: 'A HAR file with the POST to AWS sign-in but without its body',
    capture: 'har',
    har: { postData: 'none' },
    options: { users, ...captureClock },
    expect: ['IN013'],
  },
  {
    name: 'har-no-saml-login',
    family: 'capture',
    description: 'A HAR file recorded after the login: the IdP page and the console, no SAML POST',
    capture: 'har',
    mangle: withoutPosts,
    expect: ['IN012'],
  },
  {
    name: 'saml-tracer-unmasked',
    family: 'capture',
    description: 'A SAML-tracer export with the “None” profile: the posted value is linted',
    capture: 'saml-tracer',
    tracer: { profile: 'none' },
    options: { users, ...captureClock },
    expect: [],
  },
  {
    name: 'saml-tracer-masked',
    family: 'capture',
    description: 'A SAML-tracer export with the default “Mask values” profile: the decoded `saml` field is linted, the RelayState is hashed',
    capture: 'saml-tracer',
    tracer: { profile: 'mask' },
    options: { users, ...captureClock },
    expect: ['IN014'],
  },
  {
    name: 'saml-tracer-removed-no-saml-field',
    family: 'capture',
    description: 'A SAML-tracer export with the “Remove values” profile and no decoded `saml` field: nothing to lint',
    capture: 'saml-tracer',
    tracer: { profile: 'remove' },
    mangle: withoutSamlField,
    expect: ['IN014'],
  },
  {
    name: 'saml-tracer-legacy',
    family: 'capture',
    description: 'A legacy (pre-WebExtension) SAML-tracer export of a login with a non-ASCII display name: the raw POST value verifies',
    capture: 'saml-tracer',
    tracer: { legacy: true },
    response: displayName,
    options: { users, ...captureClock },
    expect: [],
  },
  {
    name: 'saml-tracer-legacy-masked-non-ascii',
    family: 'capture',
    description: 'The same legacy export masked: only the Latin-1 decoded `saml` field is left, on which the digests cannot be trusted',
    capture: 'saml-tracer',
    tracer: { legacy: true, profile: 'mask' },
    response: displayName,
    options: { users, ...captureClock },
    expect: ['IN014', 'IN015'],
  },
  {
    name: 'non-ascii-display-name',
    family: 'capture',
    description: 'The signed login with a non-ASCII display name, as XML (the tests wrap it in captures)',
    response: displayName,
    options: { users, relayState: RELAY_STATE },
    expect: [],
  },
];
