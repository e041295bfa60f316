// Builds dist/: compiles the data schemas into validators, then bundles src/
// with esbuild as ESM with code splitting, so each command's code (and ora,
// the prompts) is parsed only when that command runs.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const script of ['scripts/compile-schemas.mjs']) {
  execFileSync(process.execPath, [script], { cwd: root, stdio: 'inherit' });
}
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

// The data validators stay a separate CommonJS file, loaded only when a data
// file needs checking (src/data/parse.ts); it sits beside the chunks.
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

await build({
  absWorkingDir: root,
  entryPoints: ['src/main.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  external: ['node-pty'],
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'none',
  sourcemap: false,
  logLevel: 'warning',
  plugins: [stubChildProcessInCommander],
  // commander and a few dependencies are CommonJS and call require().
  banner: { js: 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);' },
});

// `spasm --help` never changes between builds of the same code (fixed width,
// no colour), so render it now; bin/spasm.js prints it without starting the
// program. tests/e2e/foundation.test.ts checks it against the live program.
const help = execFileSync(process.execPath, ['bin/spasm.js', '--help'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
writeFileSync(new URL('../dist/help.txt', import.meta.url), help);
