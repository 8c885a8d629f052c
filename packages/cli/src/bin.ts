import { main } from './main.js';

// The bundle's entry (launch.ts) answers `samlint --version` before this loads; main() loads each
// command's code only when that command runs. No top-level await: the bundle is CommonJS (decision 0011).
void main(process.argv.slice(2)).then((exitCode) => {
  process.exitCode = exitCode;
});
