#!/usr/bin/env node
// A shim: the program lives in dist/ (built by `npm run build`, see
// scripts/build.mjs). CommonJS on purpose (bin/package.json), like the
// bundle it loads: Node's ES module loader costs more to start than
// `--version` does, and starts only if a prompt or a spinner is needed.
'use strict';
const args = process.argv.slice(2);
// `spasm --help` is static text, rendered by the build into dist/help.txt.
const help = () => {
  try {
    return require('node:fs').readFileSync(require('node:path').join(__dirname, '../dist/help.txt'), 'utf8');
  } catch {
    return undefined;
  }
};
let text;
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else if ((args.length === 0 || (args.length === 1 && (args[0] === '--help' || args[0] === '-h'))) && (text = help()) !== undefined) {
  // `spasm` alone shows the same help (commander would print it to stderr).
  process.stdout.write(text);
} else {
  require('node:module').enableCompileCache?.();
  require('../dist/main.cjs');
}
