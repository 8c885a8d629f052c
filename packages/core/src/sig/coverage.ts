import type { ResponseView } from '../model/response.js';
import type { Locate } from '../model/rule.js';
import type { SignatureInfo, SignatureReport } from '../model/signature.js';

/** Signatures that prove content: verified with a trusted key, or intact when none is trusted. */
export function proving(signatures: readonly SignatureInfo[]): SignatureInfo[] {
  return signatures.filter((s) => s.status === 'valid' || s.status === 'intact');
}

function isInclusiveAncestor(ancestor: Node, node: Node): boolean {
  for (let current: Node | null = node; current; current = current.parentNode) if (current === ancestor) return true;
  return false;
}

/**
 * The proving signatures whose digest covered `node`: it sits in the element they sign and not in
 * what their enveloped-signature transform left out (their own Signature, with its KeyInfo and Object).
 */
export function signaturesCovering(node: Node, signatures: readonly SignatureInfo[]): SignatureInfo[] {
  return proving(signatures).filter(
    (s) =>
      s.covers.some((covered) => isInclusiveAncestor(covered, node)) &&
      !(s.excluded && isInclusiveAncestor(s.excluded, node)),
  );
}

/** Each signature of the document as a reader is shown it: what it sits in, how it verified, with what, and what it covers. */
export function reportSignatures(signatures: readonly SignatureInfo[], at: Locate): SignatureReport[] {
  return signatures.map((signature) => {
    const { verifiedWith: certificate } = signature;
    const report: SignatureReport = {
      location: at.element(signature.element),
      status: signature.status,
      covers: signature.covers.map((element) => {
        const id = element.getAttribute('ID');
        return { element: element.nodeName, ...(id ? { id } : {}), location: at.element(element) };
      }),
    };
    if (signature.parent) report.parent = signature.parent.nodeName;
    if (signature.detail !== undefined) report.detail = signature.detail;
    if (signature.signatureMethod !== undefined) report.signatureMethod = signature.signatureMethod;
    if (certificate) {
      const { source, subject, fingerprint256, notAfter } = certificate;
      // A certificate's dates can be unreadable (a fuzzed one's are): then the report leaves the expiry out.
      report.verifiedWith = { source, subject, fingerprint256, ...(Number.isNaN(notAfter.getTime()) ? {} : { notAfter: notAfter.toISOString() }) };
    }
    return report;
  });
}

/** The element a signature's first reference names, described for messages. */
export function describeTarget(signature: SignatureInfo): string {
  const target = signature.references[0]?.targets[0];
  return target ? `\`${target.localName}\`` : 'nothing';
}

/**
 * Which of the Response and the Assertion the rules read are signed, in words. `decryptionFailed`: a
 * --decryption-key was given and did not decrypt the EncryptedAssertion.
 */
export function describeSigning(view: ResponseView, signatures: readonly SignatureInfo[], trusted: number, decryptionFailed = false): string {
  if (signatures.length === 0) {
    const onlyEncrypted = view.encryptedAssertions.length > 0 && view.assertions.length === 0 && !view.decrypted;
    if (!onlyEncrypted) return 'nothing signed';
    const why = decryptionFailed ? ': --decryption-key did not decrypt it' : ' without --decryption-key';
    return `nothing signed outside the EncryptedAssertion; the Assertion’s own signature is not checked${why}`;
  }
  const signedItself = (element: Element) => signaturesCovering(element, signatures).some((s) => s.covers.includes(element));
  const responseSigned = signedItself(view.root);
  const assertions = view.decrypted && view.assertion ? [view.assertion] : view.assertions;
  const assertionsSigned = assertions.filter(signedItself).length;
  const assertionPart =
    assertions.length > 1 ? `${assertionsSigned} of ${assertions.length} Assertions` : assertionsSigned ? 'Assertion' : '';
  const what =
    responseSigned && assertionPart
      ? `Response and ${assertionPart} signed`
      : responseSigned
        ? 'Response signed'
        : assertionPart && assertionsSigned
          ? `${assertionPart} signed`
          : 'no valid signature over the Response or the Assertion';
  // Only a trusted certificate verifies; `intact` signatures checked out against their own KeyInfo.
  const verifiedWith = signatures.find((s) => s.status === 'valid')?.verifiedWith;
  const how = !responseSigned && !assertionsSigned
    ? ''
    : verifiedWith
      ? `, verified with ${verifiedWith.source} (SHA-256 ${verifiedWith.fingerprint256.slice(0, 23)}…)`
      : trusted
        ? ''
        : '; intact, but not checked against a trusted certificate (--cert or --metadata)';
  return `${what}${how}${readingNote(view)}${unimplementedNote(signatures)}`;
}

/** Signatures samlint did not check because it lacks their algorithm (SIG015). */
function unimplementedNote(signatures: readonly SignatureInfo[]): string {
  const algorithms = [...new Set(signatures.flatMap((s) => s.unimplementedAlgorithm ?? []))];
  return algorithms.length ? `; not checked: samlint cannot verify ${algorithms.map((a) => `\`${a}\``).join(', ')}` : '';
}

/** What the rules read when some direct Assertions were left out for want of a signature (decision 0002). */
function readingNote(view: ResponseView): string {
  if (!view.unsignedSkipped) return '';
  return view.assertion ? '; rules read only the signed Assertion' : '; rules read no Assertion: none under the Response is signed';
}
