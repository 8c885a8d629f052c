// What the page's build puts in place of codemirror-lang-hcl (build.mjs): the HCL parser and the
// CodeMirror modules it loads would cost some 90 KB gzipped of a 500 KB budget, for `.tf` files, which
// the CLI and the editor read. The core then recognises Terraform source and says it is not read here.
export const hclLanguage = undefined;
