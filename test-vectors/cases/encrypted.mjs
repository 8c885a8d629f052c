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
    name: 'encrypted-rsa-1-5',
    family: 'encrypted',
    description:
      'An Assertion signed, then encrypted with AES-128-CBC under RSA PKCS#1 v1.5 key transport (Okta’s RSA 1.5 option), nothing else signed: it decrypts, its signature verifies, and only the deprecated key transport is reported',
    encrypt: { content: 'aes128-cbc', keyTransport: 'rsa-1_5' },
    response: atProviderAcs,
    options: { ...context, decryptionKey: 'keys/sp.key' },
    expect: ['SAML030'],
  },
  {
    name: 'encrypted-oaep-gcm',
    family: 'encrypted',
    description: 'The clean encrypted login with AES-256-GCM content under RSA-OAEP key transport',
    sign: 'both',
    encrypt: { content: 'aes256-gcm' },
    response: atProviderAcs,
    options: { ...context, decryptionKey: 'keys/sp.key' },
    expect: [],
  },
  {
    name: 'encrypted-peer-key',
    family: 'encrypted',
    description:
      'AES-128-GCM under RSA-OAEP with the EncryptedKey beside the EncryptedData, named by a RetrievalMethod (OpenSAML’s “peer” placement, SAML core §2.2.4)',
    sign: 'both',
    encrypt: { content: 'aes128-gcm', placement: 'peer' },
    response: atProviderAcs,
    options: { ...context, decryptionKey: 'keys/sp.key' },
    expect: [],
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
