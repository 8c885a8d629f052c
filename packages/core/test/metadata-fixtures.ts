// Metadata documents for the MD rule tests, built like the md vectors.
import { IDP, MD, idpMetadata } from '../../../test-vectors/cases/md.mjs';

export { IDP, MD };

/** An IdP EntityDescriptor; `attributes` is the literal text of its attributes (the entityID by default). */
export const idp = idpMetadata as (attributes?: string, root?: string) => string;

export const SP_DESCRIPTOR =
  '<md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://sp.example.com/saml/acs" index="0"/></md:SPSSODescriptor>';

/** An EntitiesDescriptor around these EntityDescriptors (each given as its attributes and content). */
export function aggregate(...entities: Array<[attributes: string, content: string]>): string {
  const inner = entities.map(([attributes, content]) => `  <md:EntityDescriptor ${attributes}>${content}</md:EntityDescriptor>`).join('\n');
  return `<md:EntitiesDescriptor xmlns:md="${MD}">\n${inner}\n</md:EntitiesDescriptor>\n`;
}

export const IDP_DESCRIPTOR = '<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/>';
