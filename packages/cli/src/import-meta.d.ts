// What the bundle (build.mjs, also the VS Code extension's server) defines with esbuild's `define`: the
// places that differ when the CLI is a few files beside the rule pages it carries. Run from its own dist/,
// the CLI finds none defined and reads the repository's.
interface ImportMeta {
  /** The CLI's version: the bundle sits beside the extension's package.json, not the CLI's. */
  readonly samlintVersion?: string;
  /** The folder of the rule pages (docs/rules/), relative to the module. */
  readonly samlintRulePages?: string;
  /** The bundle's entry (launch.ts) only: the file name of the command's CommonJS bundle beside it. */
  readonly samlintCommand?: string;
}
