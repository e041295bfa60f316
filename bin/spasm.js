#!/usr/bin/env node
// A shim: the program lives in dist/ (built by `npm run build`). CommonJS on
// purpose (bin/package.json), so that `spasm --version` answers without
// starting Node's ES module loader, which costs more than the rest of it.
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
} else if (args.length === 1 && (args[0] === '--help' || args[0] === '-h') && (text = help()) !== undefined) {
  process.stdout.write(text);
} else {
  require('node:module').enableCompileCache?.();
  // The bundle of the command on the line (dist/cmd-<command>.js), else the one with every command.
  const own = /^[a-z]+$/.test(args[0] ?? '') && `../dist/cmd-${args[0]}.js`;
  import(own && require('node:fs').existsSync(require('node:path').join(__dirname, own)) ? own : '../dist/main.js');
}
