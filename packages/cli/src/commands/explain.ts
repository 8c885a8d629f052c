import type { Argv, CommandModule } from 'yargs';
import type { Io } from '../io.js';
import { UsageError } from '../options.js';

interface ExplainArgs {
  rule: string;
}

export function explainCommand(io: Io): CommandModule<object, ExplainArgs> {
  return {
    command: 'explain <rule>',
    describe: 'Print a rule’s page: what it checks, why, and how to fix it',
    builder: (yargs) =>
      (yargs as Argv).positional('rule', { type: 'string', describe: 'A code (CX003) or a name (user-not-found)' }) as unknown as Argv<ExplainArgs>,
    handler: async (args) => {
      // Loaded when the command runs, not when samlint starts.
      const [{ findRule, NEED_FLAGS, docsUrl }, { readRulePage }] = await Promise.all([import('@samlint/core'), import('../docs.js')]);
      const rule = findRule(args.rule);
      if (!rule) throw new UsageError(`no rule \`${args.rule}\`; \`samlint rules\` lists them`);
      const { meta } = rule;
      const header = [
        `${meta.code} ${meta.name} (${meta.family}, default severity ${meta.severity})`,
        meta.facts.length ? `facts: ${meta.facts.join(', ')}` : 'facts: none (AWS is silent; see Assumptions)',
        meta.needs?.length ? `needs: ${meta.needs.map((n) => NEED_FLAGS[n]).join(', ')}` : '',
        `docs: ${docsUrl(meta.code)}`,
      ].filter(Boolean);
      const page = readRulePage(meta.code) ?? `${meta.summary}\n`;
      io.stdout(`${header.join('\n')}\n\n${page}`);
    },
  };
}
