import { describe, expect, it, vi } from 'vitest';
import { lintFile } from '../../src/index.js';

// As the web page is built: without the HCL parser (packages/web/build.mjs).
vi.mock('codemirror-lang-hcl', () => ({ hclLanguage: undefined }));

describe('Terraform source where the HCL parser is left out', () => {
  it('is recognised and said not to be read, with nothing reported on it', () => {
    const [result, ...rest] = lintFile('resource "okta_app_saml" "connect" {\n  sso_url = "https://console.aws.amazon.com"\n}\n');
    expect(rest).toEqual([]);
    expect(result?.detected).toBe('Terraform source, not read: this page does not read Terraform source; the samlint CLI and the editor extension do');
    expect(result?.findings).toEqual([]);
  });
});
