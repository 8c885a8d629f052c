/** The language server's debounce (packages/cli/src/server/session.ts), which a test keeps equal: the page re-lints as an editor does. */
export const DEBOUNCE_MS = 200;
