// xsd vectors: responses whose only defect is against the OASIS SAML 2.0 schemas (issue 14). The defect
// is written into the response before xmlsec1 signs it (`build`), so every signature verifies and only
// the schema is wrong; the metadata vectors are unsigned, as the md ones are. Vectors that break the
// schema on purpose for another rule (sig/xsw*, sig/id-attribute-*, md/metadata-root-invalid…) expect
// their XSD codes where they are defined.
import { RELAY_STATE, buildResponse } from '../lib/response.mjs';
import { IDP, idpDescriptor, idpMetadata, keyDescriptor, NAME_ID_FORMAT, ssoService } from './md.mjs';

const connect = { relayState: RELAY_STATE, users: 'users/connect-users.csv' };

/** The Assertion-signed response with `edit` applied to its text before xmlsec1 signs it. */
function signedWith(edit) {
  return ({ sign }) => sign(edit(buildResponse({ sign: 'assertion' })));
}

/** Moves the first match of `element` to just after the first match of `anchor`. */
function moveAfter(xml, element, anchor) {
  const moved = element.exec(xml)?.[0];
  if (!moved) throw new Error(`no ${element} to move`);
  const without = xml.replace(moved, '');
  const at = anchor.exec(without);
  if (!at) throw new Error(`no ${anchor} to move after`);
  return without.slice(0, at.index + at[0].length) + moved + without.slice(at.index + at[0].length);
}

const RESPONSE_ISSUER = /\n {2}<saml:Issuer>[^<]*<\/saml:Issuer>/;
const NAME_ID = /<saml:NameID\b[^>]*>[^<]*<\/saml:NameID>/;

function xsd(name, description, fields) {
  return { name, family: 'xsd', description, ...fields, options: { ...connect, ...fields.options } };
}

export const XSD_CASES = [
  xsd('response-issuer-after-status', 'The Response’s Issuer written after its Status (a hand-edited template); the Assertion is signed after the edit', {
    build: signedWith((xml) => moveAfter(xml, RESPONSE_ISSUER, /<\/samlp:Status>/)),
    expect: ['XSD001'],
  }),
  xsd('name-id-after-subject-confirmation', 'In the Subject, NameID comes after SubjectConfirmation; signed after the edit', {
    build: signedWith((xml) => moveAfter(xml, NAME_ID, /<\/saml:SubjectConfirmation>/)),
    expect: ['XSD001'],
  }),
  xsd('authn-context-missing', 'An AuthnStatement without its required AuthnContext; signed after the edit', {
    build: signedWith((xml) => xml.replace(/<saml:AuthnContext>[\s\S]*?<\/saml:AuthnContext>/, '')),
    expect: ['XSD002'],
  }),
  xsd('subject-confirmation-method-missing', 'A second SubjectConfirmation without its required Method, after the bearer one; signed after the edit', {
    build: signedWith((xml) => xml.replace('</saml:SubjectConfirmation>', '</saml:SubjectConfirmation><saml:SubjectConfirmation/>')),
    expect: ['XSD003'],
  }),
  xsd('conditions-attribute-unknown', 'Conditions carries an attribute the schema does not define (`Foo`); signed after the edit', {
    build: signedWith((xml) => xml.replace('<saml:Conditions ', '<saml:Conditions Foo="1" ')),
    expect: ['XSD004'],
  }),
  xsd('authn-context-class-ref-malformed-uri', 'The AuthnContextClassRef (an xs:anyURI) ends in a broken percent escape; signed after the edit', {
    build: signedWith((xml) => xml.replace(/(<saml:AuthnContextClassRef>[^<]*)(<\/saml:AuthnContextClassRef>)/, '$1%2$2')),
    expect: ['XSD005'],
  }),
  xsd('attribute-statement-unknown-element', 'The AttributeStatement holds `saml:Atribute`, an element the assertion schema does not define; signed after the edit', {
    build: signedWith((xml) => xml.replace('<saml:AttributeStatement>', '<saml:AttributeStatement><saml:Atribute Name="department"/>')),
    expect: ['XSD006'],
  }),
  xsd('issue-14-example', 'The four schema defects issue 14 names in one response, signed after them: Issuer after Status, NameID after SubjectConfirmation, an attribute Conditions does not define, an element the AttributeStatement does not know', {
    build: signedWith((xml) =>
      moveAfter(moveAfter(xml, RESPONSE_ISSUER, /<\/samlp:Status>/), NAME_ID, /<\/saml:SubjectConfirmation>/)
        .replace('<saml:Conditions ', '<saml:Conditions Foo="1" ')
        .replace('<saml:AttributeStatement>', '<saml:AttributeStatement><saml:Atribute Name="department"/>'),
    ),
    expect: ['XSD001', 'XSD004', 'XSD006'],
  }),
  xsd('metadata-contact-type-invalid', 'IdP metadata whose ContactPerson has contactType `tech`, not one of the schema’s values (`technical`…)', {
    xml: () => idpMetadata().replace('</md:EntityDescriptor>', '  <md:ContactPerson contactType="tech"><md:EmailAddress>mailto:it@example.com</md:EmailAddress></md:ContactPerson>\n</md:EntityDescriptor>'),
    options: { sp: { issuer: IDP } },
    expect: ['XSD005'],
  }),
  xsd('metadata-elements-out-of-order', 'IdP metadata whose IDPSSODescriptor lists SingleSignOnService before NameIDFormat and KeyDescriptor after both', {
    xml: () => idpMetadata(`entityID="${IDP}"`, 'md:EntityDescriptor', idpDescriptor(ssoService() + NAME_ID_FORMAT + keyDescriptor())),
    options: { sp: { issuer: IDP } },
    expect: ['XSD001'],
  }),
];
