import { NS, childElements } from '../../xml/dom.js';
import { defineRule } from '../define-rule.js';

export const SAML025 = defineRule({
  meta: {
    code: 'SAML025',
    name: 'encrypted-attribute',
    family: 'SAML',
    stage: 'response',
    severity: 'warning',
    summary: 'The Assertion carries an EncryptedAttribute, which samlint cannot read and many SPs do not accept',
    facts: [],
    symptoms: [],
    messages: {
      encrypted: {
        message: 'attribute is encrypted (`EncryptedAttribute`)',
        help: 'encrypt the whole assertion instead (the SP must hold the key), or send the attribute in clear inside the signed assertion; in the IdP, turn off attribute-level encryption for this application',
      },
    },
  },
  check(ctx) {
    const assertion = ctx.response?.assertion;
    if (!assertion) return;
    const notes =
      ctx.env.profile === 'aws'
        ? ['AWS documents encrypted assertions, not encrypted attributes: it finds Role, RoleSessionName and the other AWS attributes by their Name, which an EncryptedAttribute hides']
        : ['many SAML libraries do not decrypt attributes (python3-saml refuses the response), so the SP may reject it or see no attributes'];
    for (const statement of childElements(assertion, NS.saml, 'AttributeStatement')) {
      for (const encrypted of childElements(statement, NS.saml, 'EncryptedAttribute')) {
        ctx.report({ messageId: 'encrypted', location: ctx.at.element(encrypted), notes });
      }
    }
  },
});
