// Builds SAML 2.0 Responses as text for the vectors and the unit tests. It is deliberately plain string
// templating, independent of samlint's parser; signing is left to xmlsec1 (see ../generate.mjs).

export const AWS = {
  role: 'https://aws.amazon.com/SAML/Attributes/Role',
  roleSessionName: 'https://aws.amazon.com/SAML/Attributes/RoleSessionName',
  sessionDuration: 'https://aws.amazon.com/SAML/Attributes/SessionDuration',
  sourceIdentity: 'https://aws.amazon.com/SAML/Attributes/SourceIdentity',
  transitiveTagKeys: 'https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys',
  principalTag: (key) => `https://aws.amazon.com/SAML/Attributes/PrincipalTag:${key}`,
};

export const INSTANCE_ID = '0b8e2f7c-3d4a-4e5f-9a6b-7c8d9e0f1a2b';
export const ROLE_ARN = 'arn:aws:iam::123456789012:role/ConnectAgent';
export const PROVIDER_ARN = 'arn:aws:iam::123456789012:saml-provider/ExampleIdP';
export const RELAY_STATE = `https://eu-west-2.console.aws.amazon.com/connect/federate/${INSTANCE_ID}`;
export const ACS = 'https://eu-west-2.signin.aws.amazon.com/saml';
/** A moment inside every default validity window. */
export const NOW = '2026-11-27T09:00:30Z';

/** The attributes of a clean Amazon Connect login, as `[name, values]` pairs. */
export function defaultAttributes() {
  return [
    [AWS.role, [`${ROLE_ARN},${PROVIDER_ARN}`]],
    [AWS.roleSessionName, ['jane.doe@example.com']],
    [AWS.sessionDuration, ['43200']],
  ];
}

export const DEFAULTS = {
  responseId: '_r7f3c2a9e41b04d5c8f6e01',
  assertionId: '_a2b8d4e6f0a1c4e3b9d7f02',
  version: '2.0',
  assertionVersion: '2.0',
  issueInstant: '2026-11-27T09:00:00Z',
  destination: ACS,
  /** Response-level Issuer; `null` omits it. */
  responseIssuer: 'http://www.okta.com/exk1a2b3c4d5e6f7g8h9',
  /** Assertion Issuer; `null` omits it. */
  issuer: 'http://www.okta.com/exk1a2b3c4d5e6f7g8h9',
  statusCode: 'urn:oasis:names:tc:SAML:2.0:status:Success',
  /** A second-level status code, nested in the first. */
  statusSubCode: null,
  statusMessage: null,
  /** `null` omits the Subject; `nameId: null` keeps the Subject without a NameID. */
  subject: true,
  nameId: '00u1a2b3c4d5e6f7g8h9',
  nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  /** The NameID's SPNameQualifier; `null` omits it. */
  nameIdSpNameQualifier: null,
  /** Each `{ method, recipient, notOnOrAfter, notBefore, inResponseTo, data }`; `data: false` omits SubjectConfirmationData. */
  subjectConfirmations: null,
  recipient: ACS,
  notBefore: '2026-11-27T08:55:00Z',
  notOnOrAfter: '2026-11-27T09:05:00Z',
  /** SubjectConfirmationData NotOnOrAfter. */
  confirmationNotOnOrAfter: '2026-11-27T09:05:00Z',
  /** `null` omits Conditions. */
  conditions: true,
  /** Audience values in one AudienceRestriction; `null` omits the AudienceRestriction. */
  audiences: ['urn:amazon:webservices'],
  authnInstant: '2026-11-27T08:59:58Z',
  sessionNotOnOrAfter: '2026-11-27T21:00:00Z',
  /** `null` omits the AuthnStatement. */
  authnStatement: true,
  /** `[name, values]` pairs, or `{ name, values, nameFormat }`. */
  attributes: null,
  /** How many copies of the Assertion the Response holds. */
  assertionCount: 1,
  /** Insert xmlsec1 signature templates: 'assertion', 'response', 'both' or 'none'. */
  sign: 'none',
  /** Overrides of SIGNATURE_ALGORITHMS for every template (e.g. `{ signature: '…#rsa-sha1' }`). */
  signatureAlgorithms: {},
  /** Literal XML put just before `</saml:Assertion>` (for odd cases a test needs). */
  assertionExtra: '',
  /** Literal XML put just before `</samlp:Response>` (e.g. an EncryptedAssertion). */
  responseExtra: '',
};

const escapeText = (value) => String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (value) => escapeText(value).replace(/"/g, '&quot;');
const attr = (name, value) => (value === null || value === undefined ? '' : ` ${name}="${escapeAttr(value)}"`);

/** The algorithms of the signature templates: what IdPs use today (RSA-SHA256, SHA-256, exclusive C14N). */
export const SIGNATURE_ALGORITHMS = {
  canonicalization: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  signature: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  digest: 'http://www.w3.org/2001/04/xmlenc#sha256',
  /** The reference's transforms, in order. */
  transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
};

/** An enveloped-signature template xmlsec1 fills in; `algorithms` overrides SIGNATURE_ALGORITHMS (e.g. rsa-sha1). */
export function signatureTemplate(referenceId, algorithms = {}) {
  const a = { ...SIGNATURE_ALGORITHMS, ...algorithms };
  return (
    '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo>' +
    `<ds:CanonicalizationMethod Algorithm="${a.canonicalization}"/>` +
    `<ds:SignatureMethod Algorithm="${a.signature}"/>` +
    `<ds:Reference URI="#${referenceId}"><ds:Transforms>` +
    a.transforms.map((t) => `<ds:Transform Algorithm="${t}"/>`).join('') +
    '</ds:Transforms>' +
    `<ds:DigestMethod Algorithm="${a.digest}"/><ds:DigestValue/></ds:Reference>` +
    '</ds:SignedInfo><ds:SignatureValue/><ds:KeyInfo><ds:X509Data/></ds:KeyInfo></ds:Signature>'
  );
}

function normaliseAttribute(entry) {
  return Array.isArray(entry) ? { name: entry[0], values: entry[1] } : entry;
}

function attributeXml(entry) {
  const { name, values, nameFormat = 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri' } = normaliseAttribute(entry);
  const valueXml = values
    .map((v) => `<saml:AttributeValue xsi:type="xs:string">${escapeText(v)}</saml:AttributeValue>`)
    .join('');
  return `<saml:Attribute${attr('Name', name)}${attr('NameFormat', nameFormat)}>${valueXml}</saml:Attribute>`;
}

function statusXml(o) {
  if (o.statusCode === null) return '';
  const sub = o.statusSubCode ? `<samlp:StatusCode Value="${escapeAttr(o.statusSubCode)}"/>` : '';
  const message = o.statusMessage ? `<samlp:StatusMessage>${escapeText(o.statusMessage)}</samlp:StatusMessage>` : '';
  return `<samlp:Status><samlp:StatusCode Value="${escapeAttr(o.statusCode)}"${sub ? `>${sub}</samlp:StatusCode>` : '/>'}${message}</samlp:Status>`;
}

function subjectXml(o) {
  if (o.subject === null) return '';
  const nameId =
    o.nameId === null ? '' : `<saml:NameID${attr('Format', o.nameIdFormat)}${attr('SPNameQualifier', o.nameIdSpNameQualifier)}>${escapeText(o.nameId)}</saml:NameID>`;
  const confirmations = o.subjectConfirmations ?? [
    { method: 'urn:oasis:names:tc:SAML:2.0:cm:bearer', recipient: o.recipient, notOnOrAfter: o.confirmationNotOnOrAfter },
  ];
  const confirmationXml = confirmations
    .map((c) => {
      const data =
        c.data === false
          ? ''
          : `<saml:SubjectConfirmationData${attr('InResponseTo', c.inResponseTo)}${attr('NotBefore', c.notBefore)}${attr('NotOnOrAfter', c.notOnOrAfter)}${attr('Recipient', c.recipient)}/>`;
      return `<saml:SubjectConfirmation${attr('Method', c.method)}>${data}</saml:SubjectConfirmation>`;
    })
    .join('\n      ');
  return `\n    <saml:Subject>\n      ${nameId}\n      ${confirmationXml}\n    </saml:Subject>`;
}

function conditionsXml(o) {
  if (o.conditions === null) return '';
  const audience =
    o.audiences === null
      ? ''
      : `\n      <saml:AudienceRestriction>${o.audiences.map((a) => `<saml:Audience>${escapeText(a)}</saml:Audience>`).join('')}</saml:AudienceRestriction>`;
  return `\n    <saml:Conditions${attr('NotBefore', o.notBefore)}${attr('NotOnOrAfter', o.notOnOrAfter)}>${audience}\n    </saml:Conditions>`;
}

function assertionXml(o, id) {
  const issuer = o.issuer === null ? '' : `\n    <saml:Issuer>${escapeText(o.issuer)}</saml:Issuer>`;
  const signature = o.sign === 'assertion' || o.sign === 'both' ? `\n    ${signatureTemplate(id, o.signatureAlgorithms)}` : '';
  const authn =
    o.authnStatement === null
      ? ''
      : `\n    <saml:AuthnStatement${attr('AuthnInstant', o.authnInstant)}${attr('SessionIndex', `${id}-session`)}${attr('SessionNotOnOrAfter', o.sessionNotOnOrAfter)}><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>`;
  const attributes = o.attributes ?? defaultAttributes();
  const statement = attributes.length
    ? `\n    <saml:AttributeStatement>\n      ${attributes.map(attributeXml).join('\n      ')}\n    </saml:AttributeStatement>`
    : '';
  return (
    `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"${attr('ID', id)}${attr('IssueInstant', o.issueInstant)}${attr('Version', o.assertionVersion)}>` +
    `${issuer}${signature}${subjectXml(o)}${conditionsXml(o)}${authn}${statement}${o.assertionExtra}\n  </saml:Assertion>`
  );
}

/** A SAML 2.0 Response for AWS; every option of DEFAULTS can be overridden, `null` omits the thing. */
export function buildResponse(overrides = {}) {
  const o = { ...DEFAULTS, ...overrides };
  const assertions = [];
  for (let i = 0; i < o.assertionCount; i++) {
    assertions.push(assertionXml(o, i === 0 ? o.assertionId : `${o.assertionId}-${i + 1}`));
  }
  const issuer = o.responseIssuer === null ? '' : `\n  <saml:Issuer>${escapeText(o.responseIssuer)}</saml:Issuer>`;
  const signature = o.sign === 'response' || o.sign === 'both' ? `\n  ${signatureTemplate(o.responseId, o.signatureAlgorithms)}` : '';
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"${attr('ID', o.responseId)}${attr('Version', o.version)}${attr('IssueInstant', o.issueInstant)}${attr('Destination', o.destination)}>` +
    `${issuer}${signature}\n  ${statusXml(o)}\n  ${assertions.join('\n  ')}${o.responseExtra}\n</samlp:Response>\n`
  );
}

/** The attributes of DEFAULTS with some replaced, added (new name) or removed (`values: null`). */
export function withAttributes(changes) {
  const result = defaultAttributes().map(([name, values]) => [name, values]);
  for (const [name, values] of Object.entries(changes)) {
    const index = result.findIndex(([n]) => n === name);
    if (values === null) {
      if (index >= 0) result.splice(index, 1);
    } else if (index >= 0) {
      result[index] = [name, values];
    } else {
      result.push([name, values]);
    }
  }
  return result;
}

/** base64 of a response, as a browser posts it. */
export function toBase64(xml) {
  return Buffer.from(xml, 'utf8').toString('base64');
}

/** A form body `SAMLResponse=…&RelayState=…`, encoded once as a browser does. */
export function toFormBody(xml, relayState = RELAY_STATE) {
  const params = new URLSearchParams({ SAMLResponse: toBase64(xml), RelayState: relayState });
  return params.toString();
}
