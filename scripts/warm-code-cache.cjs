// Run by scripts/build.mjs: runs one command line through bin/spasm.js's own
// loader and, at exit, writes V8's code cache of each file it ran
// (dist/main.cjs, dist/store-validate.cjs). A cache made after a run holds
// the functions that run compiled, not just the top level, so the next start
// compiles less. The build runs a few common commands in turn, each starting
// from the cache the one before left.
//   node scripts/warm-code-cache.cjs <spasm arguments...>
'use strict';
const { renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { load } = require('../bin/spasm.js');

const bin = join(__dirname, '../bin/spasm.js');
process.argv = [process.argv[0], bin, ...process.argv.slice(2)];
const scripts = new Map();
process.on('exit', () => {
  for (const [file, script] of scripts) {
    writeFileSync(`${file}.cache.tmp`, script.createCachedData());
    renameSync(`${file}.cache.tmp`, `${file}.cache`);
  }
});
load(join(__dirname, '../dist/main.cjs'), (file, script) => scripts.set(file, script));
