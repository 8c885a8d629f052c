import { Chalk } from 'chalk';
import type { Argv, CommandModule } from 'yargs';
import { CONFIG_OPTIONS } from '../config-options.js';
import { InputError, STDIN, type Io } from '../io.js';
import type { LintInputsArgs, LintRun } from '../lint-inputs.js';
import { CONTEXT_FLAGS, REDACT_OPTIONS, UsageError } from '../options.js';
import { colourLevel } from './check.js';

interface WhyArgs extends LintInputsArgs {
  inputs: string[];
  message: string;
  format: 'stylish' | 'json';
}

export function whyCommand(io: Io): CommandModule<object, WhyArgs> {
  return {
    command: 'why <message> [inputs..]',
    describe: 'Explain an error message from AWS sign-in, STS or Amazon Connect: its likely causes in a capture, and what to check',
    builder: (yargs) =>
      (yargs as Argv)
        .positional('message', { type: 'string', describe: 'The message as it appeared (quoted), or - to read it from stdin' })
        .positional('inputs', {
          type: 'string',
          array: true,
          default: [],
          describe: 'Captures of the failed login (as for check), or - for stdin; none lists what to check',
        })
        .options(CONTEXT_FLAGS)
        .options(CONFIG_OPTIONS)
        .options(REDACT_OPTIONS)
        .option('format', { choices: ['stylish', 'json'] as const, default: 'stylish' as const, describe: 'Output format' })
        .example('$0 why "RoleSessionName in AuthnResponse must match" capture.txt', 'which rule broke, in this capture')
        .example('$0 why "Access denied" capture.txt --users users.csv', 'an ambiguous message, with the Connect user list')
        .example('pbpaste | $0 why - capture.txt', 'the message from the clipboard') as unknown as Argv<WhyArgs>,
    handler: async (args) => {
      if (args.message === STDIN && args.inputs.includes(STDIN)) {
        throw new UsageError('only one of the message and the captures can be read from stdin (-)');
      }
      // Loaded when the command runs, not when samlint starts.
      const [{ why }, { lintInputs }, { formatWhyJson, formatWhyStylish, whyCaptures }] = await Promise.all([
        import('@samlint/core'),
        import('../lint-inputs.js'),
        import('../format/why.js'),
      ]);
      const message = args.message === STDIN ? io.readStdin() : args.message;
      let run: LintRun;
      try {
        run = lintInputs(io, args);
      } catch (error) {
        // `samlint why Access denied` reads `denied` as a capture: say how to pass the message.
        const [first] = args.inputs;
        const unquoted = error instanceof InputError && !/\s/.test(args.message) && first !== undefined && error.message.includes(`\`${first}\``);
        throw unquoted ? new InputError(`${error.message}; quote a message of several words: samlint why "Access denied" …`) : error;
      }
      const { config } = run;
      const results = whyCaptures(run.results);
      const report = why(message, results);
      io.stdout(args.format === 'json' ? formatWhyJson(report, results, config) : formatWhyStylish(report, results, new Chalk({ level: colourLevel(io) })));
    },
  };
}
