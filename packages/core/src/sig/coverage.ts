import type { ResponseView } from '../saml/response.js';
import type { SignatureInfo } from './signatures.js';

/** Signatures that prove content: verified with a trusted key, or intact when none is trusted. */
export function proving(signatures: readonly SignatureInfo[]): SignatureInfo[] {
  return signatures.filter((s) => s.status === 'valid' || s.status === 'intact');
}

function isInclusiveAncestor(ancestor: Node, node: Node): boolean {
  for (let current: Node | null = node; current; current = current.parentNode) if (current === ancestor) return true;
  return false;
}

/** The proving signatures whose covered elements include `element` or one of its ancestors. */
export function signaturesCovering(element: Element, signatures: readonly SignatureInfo[]): SignatureInfo[] {
  return proving(signatures).filter((s) => s.covers.some((covered) => isInclusiveAncestor(covered, element)));
}

/** The element a signature's first reference names, described for messages. */
export function describeTarget(signature: SignatureInfo): string {
  const target = signature.references[0]?.targets[0];
  return target ? `\`${target.localName}\`` : 'nothing';
}

/** Which of the Response and the Assertion the rules read are signed, in words. */
export function describeSigning(view: ResponseView, signatures: readonly SignatureInfo[], trusted: number): string {
  if (signatures.length === 0) return 'nothing signed';
  const responseSigned = signaturesCovering(view.root, signatures).some((s) => s.covers.includes(view.root));
  const assertionSigned = view.assertion
    ? signaturesCovering(view.assertion, signatures).some((s) => view.assertion && s.covers.includes(view.assertion))
    : false;
  const what =
    responseSigned && assertionSigned
      ? 'Response and Assertion signed'
      : responseSigned
        ? 'Response signed'
        : assertionSigned
          ? 'Assertion signed'
          : 'no valid signature over the Response or the Assertion';
  if (!responseSigned && !assertionSigned) return what;
  // An intact signature was verified with its own KeyInfo, which proves nothing about the signer.
  const verifiedWith = signatures.find((s) => s.status === 'valid' && s.verifiedWith)?.verifiedWith;
  if (verifiedWith) return `${what}, verified with ${verifiedWith.source} (SHA-256 ${verifiedWith.fingerprint256.slice(0, 23)}…)`;
  return trusted ? what : `${what}; intact, but not checked against a trusted certificate (--cert or --metadata)`;
}
