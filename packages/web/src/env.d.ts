// esbuild bundles the stylesheet the page imports; build.mjs puts it inline.
declare module '*.css';

// The rule pages of docs/rules/ by code (build.mjs bundles them).
declare module 'samlint:rule-pages' {
  const pages: Record<string, string>;
  export default pages;
}
