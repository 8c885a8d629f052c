import { describe, expect, it } from 'vitest';
import { MAX_SUMMARY_BYTES, formatGithubSummary, markdownCell } from '../src/format/github-summary.js';
import type { FileResult } from '../src/format/types.js';
import { lintInputs } from '../src/lint-inputs.js';
import { ROOT, memoryIo } from './memory-io.js';

// The GitHub Action's job summary, in-process: what a message can hold must not break its table, and a
// run with a great many findings stays under GitHub's size limit. action.test.ts runs the real thing.

describe('the job summary', () => {
  it('keeps a message in its table cell: pipes, HTML and Markdown escaped, code spans kept', () => {
    expect(markdownCell('`a|b` and <saml:Assertion> | *x* & [y]')).toBe('`a\\|b` and &lt;saml:Assertion&gt; \\| \\*x\\* &amp; \\[y\\]');
    expect(markdownCell('`<saml:Issuer>` is empty')).toBe('`<saml:Issuer>` is empty');
    expect(markdownCell('two\nlines')).toBe('two<br>lines');
  });

  it('stops before GitHub’s 1 MiB, at a whole file, and says how many more files and findings the log has', () => {
    const { io } = memoryIo();
    const [file] = lintInputs(io, { inputs: ['test-vectors/aws/role-session-name-display-name.xml'] }).results as [FileResult];
    const copies = 2000;
    const results = Array.from({ length: copies }, (_, i) => ({ ...file, source: `copy-${i}.xml`, files: { input: `copy-${i}.xml` } }));
    const summary = formatGithubSummary(results, ROOT);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES + 200);
    expect(Buffer.byteLength(summary)).toBeGreaterThan(MAX_SUMMARY_BYTES - 5000);
    const shown = summary.match(/^### /gm)?.length ?? 0;
    const hidden = copies - shown;
    expect(hidden).toBeGreaterThan(0);
    const findings = file.result.findings.length;
    expect(summary.match(/^\| \[/gm)).toHaveLength(shown * findings);
    expect(summary.endsWith(`\n\n…and ${hidden} more files with ${hidden * findings} ${findings * hidden === 1 ? 'finding' : 'findings'}, which the step's log shows.\n`)).toBe(true);
    expect(summary).toContain(`in ${copies} files checked, ${copies} with errors`);
  });
});
