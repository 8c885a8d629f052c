import { AWS_ATTRIBUTE } from '../aws/attributes.js';
import { readResponse } from '../saml/response.js';
import { NS, descendants, isElement } from '../xml/dom.js';

// The lookbehind stops a match from starting inside a run of local-part characters, so a long run
// with no `@` is scanned once, not once per position (found by pnpm fuzz).
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** 12-digit AWS account ids, as they stand in ARNs (`arn:aws:iam::123456789012:role/…`). */
const ACCOUNT_ID = /(?<=arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:)\d{12}(?=:)/g;

export const REDACTED = {
  nameId: '[redacted NameID]',
  roleSessionName: '[redacted RoleSessionName]',
  sourceIdentity: '[redacted SourceIdentity]',
  email: '[redacted email]',
  account: '************',
} as const;

/** Attributes whose whole value is personal, and what replaces it. */
const PERSONAL_ATTRIBUTES = new Map<string, string>([
  [AWS_ATTRIBUTE.roleSessionName, REDACTED.roleSessionName],
  [AWS_ATTRIBUTE.sourceIdentity, REDACTED.sourceIdentity],
]);

/** Masks emails and account ids inside free text (messages, attribute values). */
export function redactText(text: string): string {
  return text.replace(EMAIL, REDACTED.email).replace(ACCOUNT_ID, REDACTED.account);
}

/**
 * Masks personal values in a parsed document, in place: NameID, RoleSessionName and SourceIdentity
 * values whole, emails and account ids wherever they stand. Used on a private copy for display.
 */
export function redactDocument(root: Element): void {
  const view = readResponse(root);
  const whole = new Map<Element, string>();
  for (const nameId of descendants(root, NS.saml, 'NameID')) whole.set(nameId, REDACTED.nameId);
  for (const attribute of view.attributes) {
    const mask = PERSONAL_ATTRIBUTES.get(attribute.name);
    if (mask) attribute.values.forEach((v) => whole.set(v, mask));
  }
  const stack: Element[] = [root];
  while (stack.length) {
    const element = stack.pop() as Element;
    const mask = whole.get(element);
    if (mask) {
      element.textContent = mask;
      continue;
    }
    for (const attr of Array.from(element.attributes)) attr.value = redactText(attr.value);
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (isElement(child)) stack.push(child);
      else if (child.nodeValue) child.nodeValue = redactText(child.nodeValue);
    }
  }
}
