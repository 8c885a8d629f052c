import { XMLSerializer } from '@xmldom/xmldom';
import { lintCapture } from '../engine.js';
import { displayedCapture } from '../lint-file.js';
import type { Finding } from '../model/finding.js';
import { IN011 } from '../rules/in/IN011-decryption-failed.js';
import { RULES } from '../rules/index.js';
import { prettyXml } from './pretty-xml.js';
import { redactDocument, redactText } from './redact.js';

export interface DecodedCapture {
  detected: string;
  /** The decoded XML (indented unless `raw`); absent when the input could not be decoded and parsed. */
  xml?: string;
  relayState?: string;
  /**
   * What a `decryptionKey` did: decrypted the response's EncryptedAssertion (`decrypted` holds it),
   * failed (a finding says why), or found nothing to decrypt. Absent when no key was given.
   */
  decryption?: 'decrypted' | 'failed' | 'nothing-encrypted';
  /**
   * The decrypted Assertion, indented unless `raw`; with `raw` it is the plaintext exactly as
   * decrypted, the text whose lines and columns the `decrypted` locations of findings count.
   */
  decrypted?: string;
  /** Why decoding (or decrypting) stopped, when it did: the capture, XML and decryption findings. */
  findings: Finding[];
}

export interface DisplayOptions {
  redact?: boolean;
  raw?: boolean;
  /** The SP's private key (PEM), to show the EncryptedAssertion decrypted. */
  decryptionKey?: string;
}

const DECODING_RULES = RULES.filter((rule) => rule.meta.stage === 'capture' || rule.meta.stage === 'xml');
/** With a key, why decryption failed is what the user needs to hear too. */
const DECRYPTING_RULES = [...DECODING_RULES, IN011];

/**
 * What `samlint decode` shows: the capture decoded and indented, optionally with personal values
 * masked. `raw` keeps the decoded text as it is, so finding positions can be looked up in it. Of a
 * HAR file or SAML-tracer export, the first SAML login that holds a value is decoded. With a
 * `decryptionKey`, the EncryptedAssertion is decrypted as `lint` decrypts it, once.
 */
export function decodeForDisplay(text: string, options: DisplayOptions = {}): DecodedCapture {
  const shown = displayedCapture(text);
  const { decryptionKey } = options;
  const rules = decryptionKey === undefined ? DECODING_RULES : DECRYPTING_RULES;
  const { result, parsed, decryption } = lintCapture(shown.text, shown.capture, { decryptionKey }, rules);
  const decoded: DecodedCapture = { detected: result.detected, findings: result.findings };
  if (result.relayState !== undefined) {
    decoded.relayState = options.redact ? redactText(result.relayState) : result.relayState;
  }
  const root = parsed?.doc?.root;
  if (!root) return decoded;
  const plaintext = decryption?.ok ? decryption.parsed.doc : undefined;
  if (options.redact) redactDocument(root, plaintext?.root);
  decoded.xml = display(root, result.xml, options);
  if (decryptionKey === undefined) return decoded;
  decoded.decryption = !decryption ? 'nothing-encrypted' : plaintext ? 'decrypted' : 'failed';
  if (plaintext) decoded.decrypted = display(plaintext.root, plaintext.source.text, options);
  return decoded;
}

/** A parsed document as shown: indented, or (`raw`) as it was parsed, so that positions line up. */
function display(root: Element, source: string | undefined, options: DisplayOptions): string | undefined {
  if (!options.raw) return prettyXml(root);
  return options.redact ? new XMLSerializer().serializeToString(root) : source;
}
