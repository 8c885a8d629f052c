// The GitHub Action's entry: action.yml runs its bundle (packages/cli/action/index.mjs, decision 0010).
// The runner starts it in the workspace; paths and the config are read from GITHUB_WORKSPACE all the same.
import { runAction } from './action.js';
import { diskIo, nodeIo } from './io.js';

process.exitCode = await runAction({ ...nodeIo(), ...diskIo(process.env.GITHUB_WORKSPACE || process.cwd()) });
