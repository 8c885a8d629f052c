import { XMLSerializer } from '@xmldom/xmldom';
import { lintCapture } from '../engine.js';
import { displayedCapture } from '../lint-file.js';
import type { Finding } from '../model/finding.js';
import { RULES } from '../rules/index.js';
import { prettyXml } from './pretty-xml.js';
import { redactDocument, redactText } from './redact.js';

export interface DecodedCapture {
  detected: string;
  /** The decoded XML (indented unless `raw`); absent when the input could not be decoded and parsed. */
  xml?: string;
  relayState?: string;
  /** Why decoding stopped, when it did: the capture and XML findings. */
  findings: Finding[];
}

const DECODING_RULES = RULES.filter((rule) => rule.meta.stage === 'capture' || rule.meta.stage === 'xml');

/**
 * What `samlint decode` shows: the capture decoded and indented, optionally with personal values
 * masked. `raw` keeps the decoded text as it is, so finding positions can be looked up in it. Of a
 * HAR file or SAML-tracer export, the first SAML login that holds a value is decoded.
 */
export function decodeForDisplay(text: string, options: { redact?: boolean; raw?: boolean } = {}): DecodedCapture {
  const shown = displayedCapture(text);
  const { result, parsed } = lintCapture(shown.text, shown.capture, {}, DECODING_RULES);
  const decoded: DecodedCapture = { detected: result.detected, findings: result.findings };
  if (result.relayState !== undefined) {
    decoded.relayState = options.redact ? redactText(result.relayState) : result.relayState;
  }
  const root = parsed?.doc?.root;
  if (root) {
    if (options.redact) redactDocument(root);
    if (!options.raw) decoded.xml = prettyXml(root);
    else decoded.xml = options.redact ? new XMLSerializer().serializeToString(root) : result.xml;
  }
  return decoded;
}
