// Real IdP output that public projects keep in their test data (test-vectors/real-world: README.md says
// where each file comes from, labels.json what is known about it), linted with the context a user would
// give. Every error samlint reports must be one the document justifies, with the reason written beside
// it in labels.json. An error judged false is asserted to fire still, so its fix turns this test red
// until the label is updated. Every defect the source project's tests label must be reported.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintFile, type Finding, type LintOptions } from '@samlint/core';

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), 'real-world');

interface ErrorLabel {
  code: string;
  /** Why the document justifies the error, or for a false one why it is wrong. */
  why: string;
  /** The error is judged false: samlint is wrong here and `issue` tracks the fix. */
  false?: boolean;
  issue?: string;
}

interface LabelledDocument {
  /** Relative to test-vectors/real-world/. */
  file: string;
  source: { repo: string; path: string; commit: string; licence: string; licenceFile: string };
  idp: string;
  kind: string;
  /** What the source project's tests say about the document. */
  upstreamLabel: string;
  /** Lint options; `metadata` and `certificates` name files relative to test-vectors/real-world/. */
  context: Omit<LintOptions, 'metadata' | 'certificates'> & { metadata?: string; certificates?: string[] };
  errors: ErrorLabel[];
  /** Defects the source labels: for each, one of `codes` must be among the findings. */
  labelledDefects?: { codes: string[]; why: string }[];
}

const { documents }: { documents: LabelledDocument[] } = JSON.parse(readFileSync(join(CORPUS, 'labels.json'), 'utf8'));

/** Files that describe the corpus rather than belong to it. */
const NOT_DOCUMENTS = new Set(['README.md', 'labels.json']);

function corpusFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'LICENSES' ? [] : corpusFiles(path);
    return NOT_DOCUMENTS.has(name) ? [] : [relative(CORPUS, path)];
  });
}

const read = (file: string) => readFileSync(join(CORPUS, file), 'utf8');

/** The document's context as samlint takes it: file options name files. */
function lintOptions({ metadata, certificates, ...rest }: LabelledDocument['context']): LintOptions {
  return {
    ...rest,
    ...(metadata && { metadata: read(metadata) }),
    ...(certificates && { certificates: certificates.map(read) }),
  };
}

const describeFindings = (findings: Finding[]) => findings.map((f) => `${f.code} (${f.severity}): ${f.message}`).join('\n');

describe('real IdP output (test-vectors/real-world) draws no error it does not justify', () => {
  it('labels every file of the corpus once, each with its source commit and a licence text', () => {
    const labelled = documents.map((d) => d.file);
    expect(new Set(labelled).size).toBe(labelled.length);
    expect([...labelled].sort()).toEqual(corpusFiles(CORPUS).sort());
    for (const { file, source } of documents) {
      expect(source.commit, file).toMatch(/^[0-9a-f]{40}$/);
      expect(read(source.licenceFile), `${file}: ${source.licenceFile}`).not.toBe('');
    }
  });

  it('gives a reason for every expected error, and an issue for every false one', () => {
    for (const { file, errors } of documents) {
      for (const label of errors) {
        expect(label.why.trim(), `${file} ${label.code}`).not.toBe('');
        if (label.false) expect(label.issue, `${file} ${label.code}`).toMatch(/^#\d+: /);
      }
    }
  });

  for (const doc of documents) {
    it(`${doc.file} (${doc.idp}, ${doc.kind})`, () => {
      const findings = lintFile(read(doc.file), lintOptions(doc.context)).flatMap((result) => result.findings);
      const reported = new Set(findings.map((f) => f.code));
      const errors = [...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.code))].sort();
      const details = describeFindings(findings);

      for (const label of doc.errors.filter((l) => l.false)) {
        expect(errors, `${label.code} is labelled false (${label.issue}) and no longer fires: update labels.json\n${details}`).toContain(label.code);
      }
      const expected = [...new Set(doc.errors.map((l) => l.code))].sort();
      expect(errors, `errors other than the labelled ones:\n${details}`).toEqual(expected);
      for (const defect of doc.labelledDefects ?? []) {
        expect(defect.codes.some((code) => reported.has(code)), `none of ${defect.codes.join(', ')} (${defect.why}) in\n${details}`).toBe(true);
      }
    });
  }
});
