/** The commands main.ts registers (packages/cli/test/bin.test.ts holds the two equal): launch.ts keeps a code cache for each. */
export const COMMAND_NAMES = ['check', 'decode', 'explain', 'rules', 'why', 'server'] as const;
