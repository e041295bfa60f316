#!/usr/bin/env node
// A shim: the program lives in dist/ (built by `npm run build`). CommonJS on
// purpose (bin/package.json), so that `spasm --version` answers without
// starting Node's ES module loader, which costs more than the rest of it.
'use strict';
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  require('node:module').enableCompileCache?.();
  import('../dist/main.js');
}
