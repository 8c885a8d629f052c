// md vectors: SAML metadata documents, unsigned (`xml`). The IdP is the one the response vectors name.
import { DEFAULTS } from '../lib/response.mjs';

export const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
export const IDP = DEFAULTS.issuer;

const idpDescriptor =
  '<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">' +
  `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://example.okta.com/app/aws/${IDP.slice(-20)}/sso/saml"/>` +
  '</md:IDPSSODescriptor>';

/** An IdP EntityDescriptor; `attributes` is the literal text of its attributes. */
export function idpMetadata(attributes = `entityID="${IDP}"`, root = 'md:EntityDescriptor') {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns:md="${MD}" ${attributes}>\n  ${idpDescriptor}\n</${root}>\n`;
}

export const MD_CASES = [
  {
    name: 'metadata-idp-clean',
    family: 'md',
    description: 'The IdP’s metadata, checked against the IdP the responses name: no finding',
    xml: () => idpMetadata(),
    options: { sp: { issuer: IDP } },
    expect: [],
  },
  {
    name: 'metadata-expired',
    family: 'md',
    description: 'IdP metadata whose validUntil passed in January (info for AWS, which ignores it)',
    xml: () => idpMetadata(`entityID="${IDP}" validUntil="2026-01-15T00:00:00Z"`),
    options: { sp: { issuer: IDP } },
    expect: ['MD001'],
  },
  {
    name: 'metadata-entity-id-missing',
    family: 'md',
    description: 'An EntityDescriptor assembled by hand without its entityID',
    xml: () => idpMetadata('ID="_md1"'),
    options: { sp: { issuer: IDP } },
    expect: ['MD002'],
  },
  {
    name: 'metadata-entities-descriptor',
    family: 'md',
    description: 'A federation aggregate: an EntitiesDescriptor holding the IdP and a service provider',
    xml: () =>
      `<md:EntitiesDescriptor xmlns:md="${MD}" Name="federation">\n` +
      `  <md:EntityDescriptor entityID="${IDP}">${idpDescriptor}</md:EntityDescriptor>\n` +
      '  <md:EntityDescriptor entityID="https://sp.example.com/saml/metadata"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">' +
      '<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://sp.example.com/saml/acs" index="0"/>' +
      '</md:SPSSODescriptor></md:EntityDescriptor>\n</md:EntitiesDescriptor>\n',
    options: { sp: { issuer: IDP } },
    expect: ['MD003'],
  },
  {
    name: 'metadata-root-invalid',
    family: 'md',
    description: 'The root element is misspelt `md:EntityDescriptor2`',
    xml: () => idpMetadata(`entityID="${IDP}"`, 'md:EntityDescriptor2'),
    expect: ['MD004'],
  },
  {
    name: 'metadata-aws-sp',
    family: 'md',
    description: 'AWS’s own SP metadata, given where the IdP’s metadata belongs',
    xml: () =>
      `<md:EntityDescriptor xmlns:md="${MD}" entityID="urn:amazon:webservices">\n` +
      '  <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">' +
      '<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://signin.aws.amazon.com/saml" index="1"/>' +
      '</md:SPSSODescriptor>\n</md:EntityDescriptor>\n',
    options: { sp: { issuer: IDP } },
    expect: ['MD005'],
  },
  {
    name: 'metadata-entity-id-other-idp',
    family: 'md',
    description: 'The metadata of another IdP application than the one that signs the responses',
    xml: () => idpMetadata('entityID="http://www.okta.com/exk9z8y7x6w5v4u3t2s1"'),
    options: { sp: { issuer: IDP } },
    expect: ['MD006'],
  },
];
