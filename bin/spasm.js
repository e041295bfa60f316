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
if (require.main === module) main();
// Required, not run: scripts/warm-code-cache.cjs runs the bundle through the same loader.
else module.exports = { load };

function main() {
  let text;
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    process.stdout.write(`${require('../package.json').version}\n`);
  } else if ((args.length === 0 || (args.length === 1 && (args[0] === '--help' || args[0] === '-h'))) && (text = help()) !== undefined) {
    // `spasm` alone shows the same help (commander would print it to stderr).
    process.stdout.write(text);
  } else {
    load(require('node:path').join(__dirname, '../dist/main.cjs'));
  }
}

/**
 * Runs the bundle. Node 22+ keeps compiled code between runs itself
 * (enableCompileCache); on Node 20 the build leaves V8's code cache of the
 * bundle beside it (main.cjs.cache): the functions that common commands ran
 * while the build warmed it, already compiled. A cache from another Node is
 * rejected by V8, and the bundle compiles as usual. `onScript` is the build's.
 */
function load(file, onScript) {
  const Module = require('node:module');
  if (Module.enableCompileCache) {
    Module.enableCompileCache();
    return require(file);
  }
  const fs = require('node:fs');
  const path = require('node:path');
  let cachedData;
  try {
    cachedData = fs.readFileSync(`${file}.cache`);
  } catch {
    return require(file);
  }
  const dir = path.dirname(file);
  // The bundle loads its parts through these (see scripts/build.mjs): the
  // prompts and ora are ES modules, import()ed from here; the store's
  // validator is CommonJS, run from its own cache.
  globalThis.__spasmImport ??= (specifier) => import(require('node:url').pathToFileURL(path.join(dir, specifier)).href);
  globalThis.__spasmRequire ??= (specifier) => load(path.join(dir, specifier), onScript);
  const script = new (require('node:vm').Script)(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  onScript?.(file, script);
  const loaded = new Module(file, module);
  loaded.filename = file;
  script.runInThisContext()(loaded.exports, Module.createRequire(file), loaded, file, dir);
  return loaded.exports;
}
