// Encrypted assertions (AWS accepts them since 2025 at the provider-specific ACS, facts §11): the
// Assertion is signed, then encrypted to keys/sp.crt by xmlsec1, then the Response is signed.
import { AWS, withAttributes } from '../lib/response.mjs';

const PROVIDER_ACS = 'https://eu-west-2.signin.aws.amazon.com/saml/acs/SAMLSPA1B2C3D4E5F6G7H8J9K0';
const atProviderAcs = { destination: PROVIDER_ACS, recipient: PROVIDER_ACS };
const context = { users: 'users/connect-users.csv', relayState: 'https://eu-west-2.console.aws.amazon.com/connect/federate/0b8e2f7c-3d4a-4e5f-9a6b-7c8d9e0f1a2b' };

export const ENCRYPTED_CASES = [
  {
    name: 'encrypted-clean-decrypted',
    family: 'encrypted',
    description: 'A clean Connect login with its Assertion encrypted to the SP key, posted to the provider-specific ACS and linted with --decryption-key',
    sign: 'both',
    encrypt: true,
    response: atProviderAcs,
    options: { ...context, decryptionKey: 'keys/sp.key' },
    expect: [],
  },
  {
    name: 'encrypted-no-key',
    family: 'encrypted',
    description: 'The same encrypted login linted without a key: explained, not checked',
    sign: 'both',
    encrypt: true,
    response: atProviderAcs,
    options: context,
    expect: ['SAML006'],
  },
  {
    name: 'encrypted-wrong-key',
    family: 'encrypted',
    description: 'The encrypted login linted with the IdP’s key instead of the SP’s',
    sign: 'both',
    encrypt: true,
    response: atProviderAcs,
    options: { ...context, decryptionKey: 'keys/idp.key' },
    expect: ['IN011'],
  },
  {
    name: 'encrypted-regional-acs',
    family: 'encrypted',
    description: 'An encrypted assertion posted to the regional sign-in endpoint instead of the provider-specific ACS',
    sign: 'both',
    encrypt: true,
    options: { ...context, decryptionKey: 'keys/sp.key' },
    expect: ['AWS017'],
  },
  {
    name: 'encrypted-plus-in-user-name',
    family: 'encrypted',
    description: 'Decrypted, the assertion shows the `+` trap: RoleSessionName `jane.doe+agent@example.com`',
    sign: 'both',
    encrypt: true,
    response: { ...atProviderAcs, attributes: withAttributes({ [AWS.roleSessionName]: ['jane.doe+agent@example.com'] }) },
    options: { ...context, decryptionKey: 'keys/sp.key' },
    expect: ['CX001', 'CX003'],
  },
];
