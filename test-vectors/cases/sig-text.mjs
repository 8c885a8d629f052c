// Text-node splits in signed values other than the NameID and attribute values (SIG012's list,
// TEXT_VALUE_ELEMENTS): see index.mjs for the case shape. Signed by xmlsec1 first, then rewritten
// as text by lib/manipulate.mjs (`mangle`), like the sig vectors.
import { RELAY_STATE } from '../lib/response.mjs';
import { splitValue } from '../lib/manipulate.mjs';

const connect = { relayState: RELAY_STATE, users: 'users/connect-users.csv' };
const PASSWORD_PROTECTED = 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport';

export const SIG_TEXT_CASES = [
  {
    name: 'comment-in-authn-context-class-ref',
    family: 'sig',
    description:
      'A comment injected into the AuthnContextClassRef after signing: the digest still matches, and a first-text-node reader sees `urn:oasis:names:tc:SAML:2.0:ac:classes:`',
    mangle: (xml) => splitValue(xml, PASSWORD_PROTECTED, 'urn:oasis:names:tc:SAML:2.0:ac:classes:'.length, '<!---->'),
    options: connect,
    expect: ['SIG012'],
  },
];
