// Every vector, by family. Each case: name, family (output folder), description, `response` (options
// for lib/response.mjs), `sign` ('assertion' by default), `key` (which keys/ pair signs), `encrypt` (encrypt the
// Assertion to keys/sp.crt: `true`, or `{ content, keyTransport, placement }` as generate.mjs documents), `capture` (how it is written), `options`
// (the lint context; file paths are relative to test-vectors/), and `expect`: the exact set of codes
// samlint must report, written by hand from the rule docs, never copied from samlint's output.
import { CAPTURE_CASES } from './capture.mjs';
import { CONTAINER_CASES } from './captures.mjs';
import { PAGE_CASES } from './pages.mjs';
import { SAML_CASES } from './saml.mjs';
import { AWS_CASES } from './aws.mjs';
import { CX_CASES } from './cx.mjs';
import { SIG_CASES } from './sig.mjs';
import { SIG_TEXT_CASES } from './sig-text.mjs';
import { ENCRYPTED_CASES } from './encrypted.mjs';
import { GENERIC_CASES } from './generic.mjs';
import { MD_CASES } from './md.mjs';
import { XSD_CASES } from './xsd.mjs';
import { IAM_CASES } from './iam.mjs';
import { BENCH_CASES } from './bench.mjs';
import { SAMPLE_CASES } from './samples.mjs';
import { IDP_CASES } from './idp.mjs';

export const CASES = [...CAPTURE_CASES, ...CONTAINER_CASES, ...PAGE_CASES, ...SAML_CASES, ...AWS_CASES, ...CX_CASES, ...SIG_CASES, ...SIG_TEXT_CASES, ...ENCRYPTED_CASES, ...GENERIC_CASES, ...MD_CASES, ...XSD_CASES, ...IAM_CASES, ...BENCH_CASES, ...SAMPLE_CASES, ...IDP_CASES];
