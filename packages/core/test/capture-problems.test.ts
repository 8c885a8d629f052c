import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MANIFEST, loadVector } from '../../../test-vectors/manifest.js';
import { MAX_INPUT_LENGTH } from '../src/capture/decode.js';
import { MAX_HTML_TAGS } from '../src/capture/html-form.js';
import type { CaptureProblem } from '../src/model/capture.js';
import { findRule, lintFile, type LintOptions, type Rule } from '../src/index.js';
import { CAPTURE_PROBLEM_RULES } from '../src/rules/in/_shared.js';

type Kind = CaptureProblem['kind'];

/** An input whose capture has the problem: a vector (linted with its context) or a text. */
type Sample = { vector: string } | { text: string; options?: LintOptions };

/** One per kind, by type: a new kind of problem needs an input here too. */
const SAMPLES: Record<Kind, Sample> = {
  empty: { vector: 'capture/empty.txt' },
  'input-too-large': { text: 'A'.repeat(MAX_INPUT_LENGTH + 1) },
  unrecognized: { text: 'hello world' },
  'json-invalid': { text: '{"Version": ' },
  'json-unrecognized': { text: '{"name": "samlint"}' },
  'no-saml-response-field': { vector: 'capture/relay-state-only.txt' },
  'page-too-large': { text: `<!DOCTYPE html><form>${'<p>'.repeat(MAX_HTML_TAGS + 1)}</form>` },
  'invalid-base64': { vector: 'capture/base64-invalid-character.b64' },
  truncated: { vector: 'capture/truncated.b64' },
  deflated: { vector: 'capture/redirect-deflate.b64' },
  'deflate-bomb': { text: deflateRawSync(Buffer.alloc(1_000_000, '<')).toString('base64') },
  'double-url-encoded': { vector: 'capture/double-encoded-value.txt' },
  'response-too-large': { vector: 'capture/too-large.b64' },
  'response-too-small': { text: 'SAMLResponse=QQ' },
  'not-xml': { vector: 'capture/not-xml.b64' },
  'not-utf8': { text: Buffer.alloc(96, 0xff).toString('base64') },
  'saml-request': { vector: 'capture/saml-request.txt' },
  'no-login': { vector: 'capture/har-no-saml-login.har' },
  'container-malformed': { text: '{"log": []}' },
  'post-data-missing': { vector: 'capture/har-post-data-missing.har' },
  'value-masked': { vector: 'capture/saml-tracer-masked.json' },
  'decoded-copy': { vector: 'capture/saml-tracer-legacy-masked-non-ascii.json' },
  'parameter-repeated': { vector: 'capture/saml-response-repeated.txt' },
  'responses-back-to-back': { vector: 'capture/responses-back-to-back.b64' },
};

function input(sample: Sample): { text: string; options: LintOptions } {
  if (!('vector' in sample)) return { text: sample.text, options: sample.options ?? {} };
  const entry = MANIFEST.find((e) => e.file === sample.vector);
  if (!entry) throw new Error(`no vector ${sample.vector}`);
  return loadVector(entry);
}

describe('every kind of capture problem is reported by the rule CAPTURE_PROBLEM_RULES names', () => {
  for (const [kind, code] of Object.entries(CAPTURE_PROBLEM_RULES) as [Kind, string][]) {
    it(`${kind}: ${code}`, () => {
      const rule = findRule(code);
      if (!rule) throw new Error(`no rule ${code}`);
      const { text, options } = input(SAMPLES[kind]);
      // A rule run first, with the same stage: it sees the capture, and may take this kind's problems away from it.
      const before = (check: Rule['check']): Rule => ({ meta: { ...rule.meta, code: 'TEST001' }, check });
      const reported = (first: Rule) => lintFile(text, options, [first, rule]).flatMap((r) => r.findings).filter((f) => f.code === code).length;
      const seen: Kind[] = [];
      const withProblem = reported(before((ctx) => seen.push(...ctx.capture.problems.map((p) => p.kind))));
      const withoutProblem = reported(before((ctx) => (ctx.capture.problems = ctx.capture.problems.filter((p) => p.kind !== kind))));
      expect(seen).toContain(kind);
      expect(withProblem).toBeGreaterThan(withoutProblem);
    });
  }
});
