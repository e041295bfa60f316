// Builds dist/: compiles the data schemas into validators, then bundles src/
// with esbuild as ESM with code splitting, so each command's code (and conf,
// ora, the prompts) is parsed only when that command runs.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const script of ['scripts/compile-schemas.mjs']) {
  execFileSync(process.execPath, [script], { cwd: root, stdio: 'inherit' });
}
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

// conf imports ajv and ajv-formats at its top level to validate against a
// `schema` option, and semver for its `migrations` option; spasm passes
// neither (records are validated by our own precompiled validators, and the
// store migrates itself). They are most of conf's ~150 ms import cost, so
// the bundle replaces them with stubs that fail loudly if ever used.
const stubUnusedInConf = {
  name: 'stub-unused-in-conf',
  setup(b) {
    b.onResolve({ filter: /^(ajv(-formats)?(\/dist\/2020(\.js)?)?|semver)$/ }, (args) =>
      args.importer.includes('/node_modules/conf/') ? { path: args.path, namespace: 'stub-conf' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'stub-conf' }, (args) => ({
      contents:
        `const fail = () => { throw new Error("spasm: conf's ${args.path} is not bundled"); };\n` +
        'export class Ajv2020 { constructor() { fail(); } }\n' +
        'export default new Proxy(fail, { get: () => fail });\n',
      loader: 'js',
    }));
  },
};

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
  plugins: [stubUnusedInConf, stubChildProcessInCommander],
  // commander and a few dependencies are CommonJS and call require().
  banner: { js: 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);' },
});

// `spasm --help` never changes between builds of the same code (fixed width,
// no colour), so render it now; bin/spasm.js prints it without starting the
// program. tests/e2e/foundation.test.ts checks it against the live program.
const help = execFileSync(process.execPath, ['bin/spasm.js', '--help'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
writeFileSync(new URL('../dist/help.txt', import.meta.url), help);
