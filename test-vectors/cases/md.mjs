// md vectors: SAML metadata documents, unsigned (`xml`), and a login checked against --metadata. The
// IdP is the one the response vectors name; its metadata carries keys/idp.crt, as IAM holds it.
import { readFileSync } from 'node:fs';
import { DEFAULTS, RELAY_STATE } from '../lib/response.mjs';

export const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
export const IDP = DEFAULTS.issuer;

const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const readKey = (name) => readFileSync(new URL(`../keys/${name}.crt`, import.meta.url), 'utf8');

/** The base64 DER of keys/<name>.crt, as `ds:X509Certificate` holds it. */
export function certificateBase64(name) {
  return readKey(name).replace(/-----[^-]+-----|\s/g, '');
}

/** A KeyDescriptor holding keys/<name>.crt; `use` is its literal attribute text (none: both uses). */
export function keyDescriptor(name = 'idp', use = 'use="signing"') {
  return `<md:KeyDescriptor${use ? ` ${use}` : ''}><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certificateBase64(name)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
}

/** A SingleSignOnService; the Location is the test IdP's Okta sign-in URL unless given. */
export function ssoService(binding = POST, location = `https://example.okta.com/app/aws/${IDP.slice(-20)}/sso/saml`) {
  return `<md:SingleSignOnService Binding="${binding}" Location="${location}"/>`;
}

export const NAME_ID_FORMAT = '<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified</md:NameIDFormat>';

/** An IDPSSODescriptor with this content: by default the test IdP's signing key, a NameID format and its SSO URL. */
export function idpDescriptor(content = keyDescriptor() + NAME_ID_FORMAT + ssoService()) {
  return `<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${content}</md:IDPSSODescriptor>`;
}

/** An IdP EntityDescriptor; `attributes` is the literal text of its attributes. */
export function idpMetadata(attributes = `entityID="${IDP}"`, root = 'md:EntityDescriptor', descriptor = idpDescriptor()) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns:md="${MD}" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" ${attributes}>\n  ${descriptor}\n</${root}>\n`;
}

const AWS_SP_ACS = 'https://eu-west-2.signin.aws.amazon.com/saml';

/**
 * AWS's SP metadata as a user keeps it (metadata/aws-sp-metadata.xml, ACS set to eu-west-2), with
 * the ACS Location replaced by `acs`; `attributes` are added to its EntityDescriptor.
 */
export function awsSpMetadata(acs = AWS_SP_ACS, attributes = '') {
  const text = readFileSync(new URL('../metadata/aws-sp-metadata.xml', import.meta.url), 'utf8');
  return text
    .replace(`Location="${AWS_SP_ACS}"`, `Location="${acs}"`)
    .replace('entityID="urn:amazon:webservices"', `entityID="urn:amazon:webservices"${attributes ? ` ${attributes}` : ''}`);
}

const issuer = { sp: { issuer: IDP } };

export const MD_CASES = [
  {
    name: 'metadata-idp-clean',
    family: 'md',
    description: 'The IdP’s metadata, checked against the IdP the responses name: no finding',
    xml: () => idpMetadata(),
    options: issuer,
    expect: [],
  },
  {
    name: 'metadata-expired',
    family: 'md',
    description: 'IdP metadata whose validUntil passed in January (info for AWS, which ignores it)',
    xml: () => idpMetadata(`entityID="${IDP}" validUntil="2026-01-15T00:00:00Z"`),
    options: issuer,
    expect: ['MD001'],
  },
  {
    name: 'metadata-entity-id-missing',
    family: 'md',
    description: 'An EntityDescriptor assembled by hand without its entityID',
    xml: () => idpMetadata('ID="_md1"'),
    options: issuer,
    expect: ['MD002', 'XSD003'],
  },
  {
    name: 'metadata-entities-descriptor',
    family: 'md',
    description: 'A federation aggregate: an EntitiesDescriptor holding the IdP and a service provider',
    xml: () =>
      `<md:EntitiesDescriptor xmlns:md="${MD}" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Name="federation">\n` +
      `  <md:EntityDescriptor entityID="${IDP}">${idpDescriptor()}</md:EntityDescriptor>\n` +
      '  <md:EntityDescriptor entityID="https://sp.example.com/saml/metadata"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">' +
      `<md:AssertionConsumerService Binding="${POST}" Location="https://sp.example.com/saml/acs" index="0"/>` +
      '</md:SPSSODescriptor></md:EntityDescriptor>\n</md:EntitiesDescriptor>\n',
    options: issuer,
    expect: ['MD003'],
  },
  {
    name: 'metadata-root-invalid',
    family: 'md',
    description: 'The root element is misspelt `md:EntityDescriptor2`',
    xml: () => idpMetadata(`entityID="${IDP}"`, 'md:EntityDescriptor2'),
    expect: ['MD004', 'XSD006'],
  },
  {
    name: 'metadata-aws-sp',
    family: 'md',
    description: 'AWS’s SP metadata with a regional ACS, linted on its own before it goes into the IdP: no finding',
    xml: () => awsSpMetadata(),
    options: { relayState: RELAY_STATE },
    expect: [],
  },
  {
    name: 'metadata-entity-id-other-idp',
    family: 'md',
    description: 'The metadata of another IdP application than the one that signs the responses',
    xml: () => idpMetadata('entityID="http://www.okta.com/exk9z8y7x6w5v4u3t2s1"'),
    options: issuer,
    expect: ['MD006'],
  },
  {
    name: 'metadata-issuer-mismatch-once',
    family: 'md',
    description: 'A login whose Issuer is not the entityID of --metadata: reported once per Issuer (SAML022), not again for the metadata',
    response: { issuer: 'http://www.okta.com/exk9z8y7x6w5v4u3t2s1', responseIssuer: 'http://www.okta.com/exk9z8y7x6w5v4u3t2s1' },
    options: { relayState: RELAY_STATE, users: 'users/connect-users.csv', certificates: [], metadata: 'metadata/idp-metadata.xml' },
    expect: ['SAML022'],
  },
  {
    name: 'metadata-too-short',
    family: 'md',
    description: 'IdP metadata cut down by hand to its entityID and SSO URL: too short for IAM, and no signing key',
    xml: () => idpMetadata(`entityID="${IDP}"`, 'md:EntityDescriptor', idpDescriptor(ssoService())),
    options: issuer,
    expect: ['MD007', 'MD010'],
  },
  {
    name: 'metadata-byte-order-mark',
    family: 'md',
    description: 'IdP metadata saved by Windows PowerShell 5 `Out-File -Encoding utf8`, which writes a byte order mark',
    xml: () => `\uFEFF${idpMetadata()}`,
    options: issuer,
    expect: ['MD008'],
  },
  {
    name: 'metadata-latin-1',
    family: 'md',
    description: 'IdP metadata edited and saved as Windows-1252: the é of its Organization is not UTF-8',
    xml: () =>
      idpMetadata().replace(
        '</md:EntityDescriptor>',
        '  <md:Organization><md:OrganizationName xml:lang="fr">Société Exemple</md:OrganizationName><md:OrganizationDisplayName xml:lang="fr">Société Exemple</md:OrganizationDisplayName><md:OrganizationURL xml:lang="fr">https://www.example.fr/</md:OrganizationURL></md:Organization>\n</md:EntityDescriptor>',
      ),
    mangle: (text) => Buffer.from(text, 'latin1'),
    options: issuer,
    expect: ['MD008'],
  },
  {
    name: 'metadata-certificate-pem-armour',
    family: 'md',
    description: 'A signing certificate pasted into the metadata with its PEM BEGIN/END lines',
    xml: () => idpMetadata().replace(/(<ds:X509Certificate>)([^<]*)/, `$1${readKey('idp').trim()}`),
    options: issuer,
    expect: ['MD009', 'XSD005'],
  },
  {
    name: 'metadata-signing-certificate-missing',
    family: 'md',
    description: 'IdP metadata whose only certificate is for encryption',
    xml: () => idpMetadata(`entityID="${IDP}"`, 'md:EntityDescriptor', idpDescriptor(keyDescriptor('idp', 'use="encryption"') + NAME_ID_FORMAT + ssoService())),
    options: issuer,
    expect: ['MD010'],
  },
  {
    name: 'metadata-certificate-expired',
    family: 'md',
    description: 'IdP metadata whose signing certificate expired in 2021 (info: IAM ignores the dates)',
    xml: () => idpMetadata(`entityID="${IDP}"`, 'md:EntityDescriptor', idpDescriptor(keyDescriptor('expired') + NAME_ID_FORMAT + ssoService())),
    options: issuer,
    expect: ['MD011'],
  },
  {
    name: 'metadata-weak-key',
    family: 'md',
    description: 'IdP metadata whose signing certificate has a 512-bit key, which IAM refuses',
    xml: () =>
      idpMetadata(
        `entityID="${IDP}"`,
        'md:EntityDescriptor',
        idpDescriptor(keyDescriptor('weak512') + NAME_ID_FORMAT + '<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>' + ssoService()),
      ),
    options: issuer,
    expect: ['MD012'],
  },
  {
    name: 'metadata-certificate-repeated-extension',
    family: 'md',
    description: 'IdP metadata whose signing certificate has the keyUsage extension twice (made by openssl, keys/make-keys.sh)',
    xml: () => idpMetadata(`entityID="${IDP}"`, 'md:EntityDescriptor', idpDescriptor(keyDescriptor('repeated-extension') + NAME_ID_FORMAT + ssoService())),
    options: issuer,
    expect: ['MD013'],
  },
  {
    name: 'metadata-certificate-duplicate',
    family: 'md',
    description: 'A rollover gone wrong: the old signing certificate pasted twice instead of the old and the new',
    xml: () => idpMetadata(`entityID="${IDP}"`, 'md:EntityDescriptor', idpDescriptor(keyDescriptor() + keyDescriptor() + NAME_ID_FORMAT + ssoService())),
    options: issuer,
    expect: ['MD014'],
  },
  {
    name: 'metadata-name-id-formats-unsupported',
    family: 'md',
    description: 'The IdP offers only a made-up `SAML:2.0:nameid-format:emailAddress`, which AWS does not list',
    xml: () =>
      idpMetadata(
        `entityID="${IDP}"`,
        'md:EntityDescriptor',
        idpDescriptor(keyDescriptor() + '<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:emailAddress</md:NameIDFormat>' + ssoService()),
      ),
    options: issuer,
    expect: ['MD015'],
  },
  {
    name: 'metadata-sso-service-missing',
    family: 'md',
    description: 'IdP metadata without its SingleSignOnService (a warning for AWS, which does not use it)',
    xml: () => idpMetadata(`entityID="${IDP}"`, 'md:EntityDescriptor', idpDescriptor(keyDescriptor() + NAME_ID_FORMAT)),
    options: issuer,
    expect: ['MD016', 'XSD002'],
  },
  {
    name: 'metadata-sso-binding-unsupported',
    family: 'md',
    description: 'Generic SP: the IdP offers single sign-on over SOAP only (ECP), which no browser-based SP can send to',
    xml: () => idpMetadata(`entityID="${IDP}"`, 'md:EntityDescriptor', idpDescriptor(keyDescriptor() + NAME_ID_FORMAT + ssoService('urn:oasis:names:tc:SAML:2.0:bindings:SOAP', 'https://idp.example.com/idp/profile/SAML2/SOAP/ECP'))),
    options: { ...issuer, profile: 'generic' },
    expect: ['MD017'],
  },
  {
    name: 'metadata-sso-location-http',
    family: 'md',
    description: 'An AD FS whose federation service name was set without TLS: its SSO URL is plain http',
    xml: () => idpMetadata(`entityID="${IDP}"`, 'md:EntityDescriptor', idpDescriptor(keyDescriptor() + NAME_ID_FORMAT + ssoService(POST, 'http://adfs.example.com/adfs/ls/'))),
    options: issuer,
    expect: ['MD018'],
  },
  {
    name: 'metadata-cache-duration-seconds',
    family: 'md',
    description: 'A cacheDuration written as a number of seconds (`86400`) instead of an xs:duration',
    xml: () => idpMetadata(`entityID="${IDP}" cacheDuration="86400"`),
    options: issuer,
    expect: ['MD019', 'XSD005'],
  },
  {
    name: 'metadata-aws-sp-acs-console',
    family: 'md',
    description: 'AWS’s SP metadata whose ACS was set to the Amazon Connect console URL (the relay state) instead of a sign-in endpoint',
    xml: () => awsSpMetadata(RELAY_STATE),
    expect: ['MD020'],
  },
  {
    name: 'metadata-aws-sp-acs-region-mismatch',
    family: 'md',
    description: 'AWS’s SP metadata with the us-east-1 sign-in endpoint, for an instance in eu-west-2 (the relay state’s region)',
    xml: () => awsSpMetadata('https://us-east-1.signin.aws.amazon.com/saml'),
    options: { relayState: RELAY_STATE },
    expect: ['MD021'],
  },
  {
    name: 'metadata-aws-sp-acs-provider-id-lower-case',
    family: 'md',
    description: 'AWS’s SP metadata for encrypted assertions whose IdP-ID was typed in lower case',
    xml: () => awsSpMetadata('https://eu-west-2.signin.aws.amazon.com/saml/acs/samlpaj5f3bqc8xk2lcm7d4e'),
    options: { relayState: RELAY_STATE },
    expect: ['MD022'],
  },
  {
    name: 'metadata-aws-sp-acs-static',
    family: 'md',
    description: 'An old copy of AWS’s SP metadata, edited to the `/static/saml` endpoint of the 2023 documentation',
    xml: () => awsSpMetadata('https://signin.aws.amazon.com/static/saml'),
    expect: ['MD023'],
  },
  {
    name: 'metadata-aws-sp-expired',
    family: 'md',
    description: 'A copy of AWS’s SP metadata kept with its validUntil, which has passed: IdPs that honour it refuse the copy',
    xml: () => awsSpMetadata(AWS_SP_ACS, 'validUntil="2026-06-01T00:00:00Z"'),
    expect: ['MD001'],
  },
];
