import { Chalk } from 'chalk';
import type { Argv, CommandModule } from 'yargs';
import { CONFIG_OPTIONS } from '../config.js';
import { FORMATS, type FormatName } from '../format/index.js';
import type { Io } from '../io.js';
import { lintInputs, progressLine, type LintInputsArgs, type LintRun } from '../lint-inputs.js';
import { CONTEXT_OPTIONS } from '../options.js';

interface CheckArgs extends LintInputsArgs {
  format: FormatName;
  exitZero: boolean;
}

/** Colour only on a terminal, never with NO_COLOR (https://no-color.org); FORCE_COLOR overrides both. */
export function colourLevel(io: Io): 0 | 1 {
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR === '0' ? 0 : 1;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return 0;
  return io.isTTY ? 1 : 0;
}

export function checkCommand(io: Io, setExitCode: (code: number) => void): CommandModule<object, CheckArgs> {
  return {
    command: 'check <inputs..>',
    describe: 'Lint captured SAMLResponses (base64, form body or XML; `-` reads stdin)',
    builder: (yargs) =>
      (yargs as Argv)
        .positional('inputs', {
          type: 'string',
          array: true,
          describe: 'Files holding a capture, directories (searched recursively), quoted globs, or - for stdin',
        })
        .options(CONTEXT_OPTIONS)
        .options(CONFIG_OPTIONS)
        .option('format', { choices: Object.keys(FORMATS) as FormatName[], default: 'stylish' as FormatName, describe: 'Output format' })
        .option('exit-zero', { type: 'boolean', default: false, describe: 'Exit 0 even when errors are found' })
        .example('$0 check response.b64 --relay-state "$RELAY" --users users.csv', 'lint a pasted SAMLResponse with context')
        .example('pbpaste | $0 check - --now now', 'lint the clipboard against this machine’s clock')
        .example("$0 check 'exports/**/*.xml'", 'lint every XML file under exports/ (quoted: samlint expands the glob)') as unknown as Argv<CheckArgs>,
    handler: (args) => {
      // JSON piped into a program is a scripted run: no progress, even on an interactive stderr.
      const progress = progressLine(io, io.stderrIsTTY && !(args.format === 'json' && !io.isTTY));
      let run: LintRun;
      try {
        run = lintInputs(io, args, progress.update);
      } finally {
        progress.done();
      }
      const { results, config } = run;
      io.stdout(FORMATS[args.format]({ results, config, chalk: new Chalk({ level: colourLevel(io) }), cwd: io.cwd }));
      const errors = results.some(({ result }) => result.findings.some((f) => f.severity === 'error'));
      setExitCode(errors && !args.exitZero ? 1 : 0);
    },
  };
}
