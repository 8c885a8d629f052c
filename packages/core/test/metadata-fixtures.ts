// Metadata documents for the MD rule tests, built like the md vectors.
import {
  IDP,
  MD,
  NAME_ID_FORMAT,
  awsSpMetadata,
  certificateBase64,
  idpDescriptor,
  idpMetadata,
  keyDescriptor,
  ssoService,
} from '../../../test-vectors/cases/md.mjs';

export { IDP, MD, NAME_ID_FORMAT };

type KeyName = 'idp' | 'rotated' | 'weak1024' | 'weak512' | 'expired' | 'sp' | 'repeated-extension';

/** An IdP EntityDescriptor; `attributes` is the literal text of its attributes (the entityID by default). */
export const idp = idpMetadata as (attributes?: string, root?: string, descriptor?: string) => string;

/** IdP metadata (the test IdP's entityID) whose IDPSSODescriptor holds `content`. */
export function idpWith(content: string): string {
  return idp(`entityID="${IDP}"`, 'md:EntityDescriptor', (idpDescriptor as (content?: string) => string)(content));
}

/** A KeyDescriptor holding keys/<name>.crt; `use` is its literal attribute text (`''`: both uses). */
export const key = keyDescriptor as (name?: KeyName, use?: string) => string;

/** A SingleSignOnService with this Binding and Location (the test IdP's HTTP-POST URL by default). */
export const sso = ssoService as (binding?: string, location?: string) => string;

export const base64Of = certificateBase64 as (name: KeyName) => string;

/** AWS's SP metadata (test-vectors/metadata/aws-sp-metadata.xml) with its ACS Location set to `acs`. */
export const awsSp = awsSpMetadata as (acs?: string, attributes?: string) => string;

export const SP_DESCRIPTOR =
  '<md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://sp.example.com/saml/acs" index="0"/></md:SPSSODescriptor>';

/** An EntitiesDescriptor around these EntityDescriptors (each given as its attributes and content). */
export function aggregate(...entities: Array<[attributes: string, content: string]>): string {
  const inner = entities.map(([attributes, content]) => `  <md:EntityDescriptor ${attributes}>${content}</md:EntityDescriptor>`).join('\n');
  return `<md:EntitiesDescriptor xmlns:md="${MD}" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">\n${inner}\n</md:EntitiesDescriptor>\n`;
}

export const IDP_DESCRIPTOR = '<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/>';
