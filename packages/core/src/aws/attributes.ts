import type { ResponseView, SamlAttribute } from '../model/response.js';

/** AWS SAML attribute names; AWS matches them exactly, case included (facts §1, §4, §5). */
export const AWS_ATTRIBUTE = {
  role: 'https://aws.amazon.com/SAML/Attributes/Role',
  roleSessionName: 'https://aws.amazon.com/SAML/Attributes/RoleSessionName',
  sessionDuration: 'https://aws.amazon.com/SAML/Attributes/SessionDuration',
  sourceIdentity: 'https://aws.amazon.com/SAML/Attributes/SourceIdentity',
  transitiveTagKeys: 'https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys',
  principalTagPrefix: 'https://aws.amazon.com/SAML/Attributes/PrincipalTag:',
} as const;

export interface PrincipalTag {
  attribute: SamlAttribute;
  /** The tag key: the Attribute Name after `…/PrincipalTag:`. */
  key: string;
}

/** Every PrincipalTag attribute (exact prefix), in document order. */
export function principalTags(view: ResponseView): PrincipalTag[] {
  const prefix = AWS_ATTRIBUTE.principalTagPrefix;
  return view.attributes
    .filter((a) => a.name.startsWith(prefix))
    .map((attribute) => ({ attribute, key: attribute.name.slice(prefix.length) }));
}
