import type { ResponseView, SamlAttribute } from '../model/response.js';
import { NS, attribute, childElements, descendants, firstChild, textOf } from '../xml/dom.js';

/** The SAML elements that wrap an `xenc:EncryptedData` (SAML core §2.2.4, §2.3.4, §2.7.3.2). */
const ENCRYPTED_ELEMENTS = ['EncryptedAssertion', 'EncryptedID', 'EncryptedAttribute'];

/**
 * `decrypted` is the plaintext Assertion of the response's only EncryptedAssertion, parsed on its own;
 * rules then read it as the Assertion.
 */
export function readResponse(root: Element, decrypted?: Element, signed?: (assertion: Element) => boolean): ResponseView {
  const isResponse = root.namespaceURI === NS.samlp && root.localName === 'Response';
  const assertions = isResponse ? childElements(root, NS.saml, 'Assertion') : [];
  const direct = new Set(assertions);
  // One walk for what may sit anywhere in the document.
  const anywhere = descendants(root, NS.saml, '*');
  const view: ResponseView = {
    root,
    isResponse,
    issuer: firstChild(root, NS.saml, 'Issuer'),
    status: isResponse ? firstChild(root, NS.samlp, 'Status') : undefined,
    assertions,
    encryptedAssertions: isResponse ? childElements(root, NS.saml, 'EncryptedAssertion') : [],
    strayAssertions: anywhere.filter((e) => e.localName === 'Assertion' && !direct.has(e)),
    encryptedElements: anywhere.filter((e) => ENCRYPTED_ELEMENTS.includes(e.localName)),
    decrypted: false,
    unsignedSkipped: 0,
    subjectConfirmations: [],
    authnStatements: [],
    attributes: [],
  };
  const onlyEncrypted = assertions.length === 0 && view.encryptedAssertions.length === 1;
  if (decrypted && onlyEncrypted) view.decrypted = true;
  // Once a signature verified, rules read only an Assertion it covers (decision 0002).
  const readable = signed ? assertions.filter(signed) : assertions;
  view.unsignedSkipped = assertions.length - readable.length;
  const assertion = view.decrypted ? decrypted : readable.length === 1 ? readable[0] : undefined;
  if (!assertion) return view;
  view.assertion = assertion;
  view.assertionIssuer = firstChild(assertion, NS.saml, 'Issuer');
  view.subject = firstChild(assertion, NS.saml, 'Subject');
  if (view.subject) {
    view.nameId = firstChild(view.subject, NS.saml, 'NameID');
    view.subjectConfirmations = childElements(view.subject, NS.saml, 'SubjectConfirmation');
  }
  view.conditions = firstChild(assertion, NS.saml, 'Conditions');
  view.authnStatements = childElements(assertion, NS.saml, 'AuthnStatement');
  for (const statement of childElements(assertion, NS.saml, 'AttributeStatement')) {
    for (const element of childElements(statement, NS.saml, 'Attribute')) {
      view.attributes.push({
        element,
        name: attribute(element, 'Name') ?? '',
        values: childElements(element, NS.saml, 'AttributeValue'),
      });
    }
  }
  return view;
}

/** Attributes whose Name is exactly `name` (AWS matches attribute names case-sensitively). */
export function attributesNamed(view: ResponseView, name: string): SamlAttribute[] {
  return view.attributes.filter((a) => a.name === name);
}

export function valueTexts(attr: SamlAttribute): string[] {
  return attr.values.map(textOf);
}

// The environment and a dozen rules ask for the bearer data of the same response: found once per response.
const BEARER_DATA = new WeakMap<ResponseView, readonly Element[]>();

/** The SubjectConfirmationData of every bearer SubjectConfirmation, in document order. */
export function bearerConfirmationData(view: ResponseView): readonly Element[] {
  let data = BEARER_DATA.get(view);
  if (!data) {
    data = view.subjectConfirmations
      .filter((c) => attribute(c, 'Method') === BEARER)
      .flatMap((c) => childElements(c, NS.saml, 'SubjectConfirmationData'));
    BEARER_DATA.set(view, data);
  }
  return data;
}

export const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

/** A bearer SubjectConfirmationData's `Recipient`: where the IdP says the response is posted. */
export interface BearerRecipient {
  /** The SubjectConfirmationData that carries it. */
  element: Element;
  url: string;
}

/**
 * The Recipient of every bearer SubjectConfirmationData that has one, in document order: the first is
 * the one AWS turns into `SAML:aud`. Empty values are kept (SAML011 and AWS014 report them).
 */
export function bearerRecipients(view: ResponseView): BearerRecipient[] {
  return bearerConfirmationData(view).flatMap((element) => {
    const url = attribute(element, 'Recipient');
    return url === undefined ? [] : [{ element, url }];
  });
}
