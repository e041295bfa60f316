// Builds dist/: compiles the data schemas into validators, then bundles src/
// with esbuild (how, and why: see "How the program is bundled" below).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const script of ['scripts/compile-schemas.mjs']) {
  execFileSync(process.execPath, [script], { cwd: root, stdio: 'inherit' });
}
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

// The data validators stay a separate CommonJS file, loaded only when a data
// file needs checking (src/data/parse.ts); it sits beside the bundles.
mkdirSync(new URL('../dist/generated/', import.meta.url), { recursive: true });
copyFileSync(new URL('../src/data/generated/validators.cjs', import.meta.url), new URL('../dist/generated/validators.cjs', import.meta.url));

// commander requires node:child_process for executable subcommands ("git-style"),
// which spasm does not have; loading it costs every run a few milliseconds.
const stubChildProcessInCommander = {
  name: 'stub-child-process-in-commander',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('/node_modules/commander/') ? { path: args.path, namespace: 'stub-commander' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'stub-commander' }, () => ({
      contents: 'const fail = () => { throw new Error("spasm: executable subcommands are not bundled"); };\nmodule.exports = { spawn: fail, execFileSync: fail };\n',
      loader: 'js',
    }));
  },
};

// How the program is bundled, for start-up speed (`npm run bench`):
// - dist/cmd-<command>.cjs, one file per command, holding everything that
//   command runs except the prompts and ora; bin/spasm.js requires the one
//   named on the command line. One file loads much faster than the twenty-odd
//   small chunks that code splitting makes of the same code, and CommonJS
//   spares the run Node's ES module loader (about a tenth of `status`). The
//   other commands are there by name only (for commander); their code is a
//   stub that throws.
// - dist/main.cjs, every command in one file, for any other command line
//   (global options first, a mistyped command, `spasm help <command>`).
// - dist/lib-*.js: the prompts and ora (ES modules), loaded by import() only
//   when a command asks or shows a spinner, shared by all of the above.
const LIBS = { 'lib-select': '@inquirer/select', 'lib-checkbox': '@inquirer/checkbox', 'lib-confirm': '@inquirer/confirm', 'lib-input': '@inquirer/input', 'lib-ora': 'ora' };
/** Each command and the module under src/commands/ that runs it. */
const COMMAND_MODULES = { start: 'start', status: 'status', log: 'log', report: 'report', routine: 'routine', exercises: 'exercises', timer: 'timer', export: 'transfer', import: 'transfer', config: 'config' };

const cliCommands = /export const COMMANDS = \[([^\]]*)\]/.exec(readFileSync(new URL('../src/cli.ts', import.meta.url), 'utf8'))?.[1].match(/[a-z]+/g);
if (String(cliCommands) !== String(Object.keys(COMMAND_MODULES))) {
  throw new Error(`build: COMMAND_MODULES (${Object.keys(COMMAND_MODULES)}) must list the COMMANDS of src/cli.ts (${cliCommands})`);
}

const common = {
  absWorkingDir: root,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20.19',
  // node-notifier finds its helper programs beside its own files, so it stays in node_modules.
  external: ['node-pty', 'node-notifier'],
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'none',
  sourcemap: false,
  logLevel: 'warning',
};
const commonJs = {
  ...common,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  // The source is ES modules and finds its files from import.meta.url.
  define: { 'import.meta.url': '__spasm_url' },
  // The banner goes before esbuild's own "use strict", which then no longer counts: say it first.
  banner: { js: '"use strict";const __spasm_url=require("node:url").pathToFileURL(__filename).href;' },
};
const esModules = {
  ...common,
  format: 'esm',
  // Some dependencies are CommonJS and call require().
  banner: { js: 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);' },
};

const libsOutside = {
  name: 'libs-outside',
  setup(b) {
    const byPackage = new Map(Object.entries(LIBS).map(([file, pkg]) => [pkg, `./${file}.js`]));
    b.onResolve({ filter: /^(@inquirer\/[a-z]+|ora)$/ }, (args) => (byPackage.has(args.path) ? { path: byPackage.get(args.path), external: true } : undefined));
  },
};

/** In the bundle of `command`, the other commands' modules are stubs that throw if ever run. */
const onlyCommand = (command) => ({
  name: 'only-command',
  setup(b) {
    b.onResolve({ filter: /^\.\/commands\/[a-z-]+\.js$/ }, (args) =>
      args.importer.endsWith('/src/cli.ts') && args.path !== `./commands/${COMMAND_MODULES[command]}.js` ? { path: args.path, namespace: 'other-command' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'other-command' }, (args) => ({
      contents: `throw new Error("spasm: dist/cmd-${command}.cjs cannot run ${args.path}");\n`,
      loader: 'js',
    }));
  },
});

await Promise.all([
  build({ ...esModules, entryPoints: Object.fromEntries(Object.entries(LIBS)), splitting: true, chunkNames: 'lib-chunk-[hash]' }),
  build({ ...commonJs, entryPoints: { main: 'src/main.ts' }, plugins: [stubChildProcessInCommander, libsOutside] }),
  ...Object.keys(COMMAND_MODULES).map((command) =>
    build({ ...commonJs, entryPoints: { [`cmd-${command}`]: 'src/main.ts' }, plugins: [stubChildProcessInCommander, libsOutside, onlyCommand(command)] }),
  ),
]);

// `spasm --help` never changes between builds of the same code (fixed width,
// no colour), so render it now; bin/spasm.js prints it without starting the
// program. tests/e2e/foundation.test.ts checks it against the live program.
const help = execFileSync(process.execPath, ['bin/spasm.js', '--help'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
writeFileSync(new URL('../dist/help.txt', import.meta.url), help);
