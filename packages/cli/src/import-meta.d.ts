// What the VS Code extension's bundle of the CLI (packages/vscode-ext/build.mjs) defines with esbuild's
// `define`: the two places that differ when the CLI is one file beside the rule pages it carries. Run
// from its own dist/, the CLI finds neither defined and reads the repository's.
interface ImportMeta {
  /** The CLI's version: the bundle sits beside the extension's package.json, not the CLI's. */
  readonly samlintVersion?: string;
  /** The folder of the rule pages (docs/rules/), relative to the module. */
  readonly samlintRulePages?: string;
}
