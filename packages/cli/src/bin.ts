#!/usr/bin/env node
import { VERSION } from './version.js';

const args = process.argv.slice(2);
// `samlint --version` alone is answered before the command line parser loads, as it would answer it;
// everything else goes through main(), which loads each command's code only when that command runs.
if (args.length === 1 && args[0] === '--version') process.stdout.write(`${VERSION}\n`);
else process.exitCode = await (await import('./main.js')).main(args);
