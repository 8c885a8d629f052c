import type { UserList } from '../model/connect.js';
import type { JsonDocument } from '../model/json.js';
import type { XmlDocument } from '../model/xml.js';
import { attribute, childElements, descendants, isElement, textOf } from '../xml/dom.js';

/**
 * What a personal value is: it decides the placeholder (`«user-1»`, `«account-2»`) and where the value
 * is looked for (docs/redaction.md). `listed-user` is a name of the Connect user list, `attribute` the
 * value of an attribute other than the identity and configuration ones.
 */
export type PersonalKind = 'user' | 'listed-user' | 'attribute' | 'account' | 'signature' | 'digest' | 'certificate';

export interface PersonalValue {
  kind: PersonalKind;
  value: string;
}

/** Elements whose text is personal wherever they stand (any namespace: a wrong one is itself a finding). */
const PERSONAL_ELEMENTS: Record<string, PersonalKind> = {
  NameID: 'user',
  NameIdentifier: 'user', // SAML 1.1
  SignatureValue: 'signature',
  DigestValue: 'digest',
  X509Certificate: 'certificate',
  // Metadata ContactPerson: a person's name and number (an EmailAddress is an e-mail wherever it stands).
  GivenName: 'user',
  SurName: 'user',
  TelephoneNumber: 'user',
};

/** Attributes by the last segment of their Name, in lower case: who signs in; configuration (not personal); the Role (its account ids are). */
const IDENTITY_ATTRIBUTES = new Set(['rolesessionname', 'sourceidentity']);
const CONFIGURATION_ATTRIBUTES = new Set(['sessionduration', 'transitivetagkeys']);
const ROLE_ATTRIBUTE = 'role';

const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** A 12-digit account id standing alone or in an ARN; not the last group of a UUID (an instance id). */
const ACCOUNT_DIGITS = /(?<![A-Za-z0-9-])\d{12}(?![A-Za-z0-9-])/g;

export interface PersonalContext {
  users?: UserList;
  trustPolicy?: JsonDocument;
  permissionPolicy?: JsonDocument;
}

/**
 * The personal values a lint saw, for redaction (`redactResult`): NameIDs, the identity attributes
 * (RoleSessionName, SourceIdentity) and every other attribute's values but SessionDuration and
 * TransitiveTagKeys, the account ids of the Role attribute and of the policies, signature, digest and
 * certificate values, metadata contact names, and the Connect user list's names. Each text node of a
 * personal element counts too, since SIG012 quotes a value split by a comment piece by piece.
 */
export function personalValues(docs: ReadonlyArray<XmlDocument | undefined>, context: PersonalContext): PersonalValue[] {
  const found: PersonalValue[] = [];
  const seen = new Map<PersonalKind, Set<string>>();
  const add = (kind: PersonalKind, value: string) => {
    const trimmed = value.trim();
    let values = seen.get(kind);
    if (!values) seen.set(kind, (values = new Set()));
    if (!trimmed || values.has(trimmed)) return;
    values.add(trimmed);
    found.push({ kind, value: trimmed });
  };
  const addText = (kind: PersonalKind, element: Element) => {
    const pieces: string[] = [];
    let nested = false;
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (isElement(child)) nested = true;
      else if ((child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) && child.nodeValue) pieces.push(child.nodeValue);
    }
    add(kind, nested ? textOf(element) : pieces.join(''));
    if (pieces.length > 1) pieces.forEach((piece) => add(kind, piece));
  };
  for (const doc of docs) {
    if (!doc) continue;
    for (const element of [doc.root, ...descendants(doc.root, '*', '*')]) {
      const name = element.localName ?? '';
      const kind = PERSONAL_ELEMENTS[name];
      if (kind) addText(kind, element);
      else if (name === 'Attribute') {
        const segment = (attribute(element, 'Name') ?? '').trim().toLowerCase().split(/[/:]/).pop() ?? '';
        const values = childElements(element).filter((child) => child.localName === 'AttributeValue');
        if (segment === ROLE_ATTRIBUTE) {
          for (const value of values) for (const [account] of textOf(value).matchAll(ACCOUNT_DIGITS)) add('account', account);
        } else if (!CONFIGURATION_ATTRIBUTES.has(segment)) {
          for (const value of values) addText(IDENTITY_ATTRIBUTES.has(segment) ? 'user' : 'attribute', value);
        }
      }
    }
  }
  for (const policy of [context.trustPolicy, context.permissionPolicy]) {
    for (const [account] of policy?.source.text.matchAll(ACCOUNT_DIGITS) ?? []) add('account', account);
  }
  for (const name of context.users?.usernames ?? []) add('listed-user', name);
  return found;
}
