// Builds dist/: compiles the data schemas into validators, then bundles src/
// with esbuild (how, and why: see "How the program is bundled" below).
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Module from 'node:module';
import { Script } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { history as generatedHistory } from './gen-store.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const script of ['scripts/compile-schemas.mjs']) {
  execFileSync(process.execPath, [script], { cwd: root, stdio: 'inherit' });
}
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

// The data validators stay a separate CommonJS file, loaded only when a data
// file needs checking (src/data/parse.ts); it sits beside the bundle.
mkdirSync(new URL('../dist/generated/', import.meta.url), { recursive: true });
copyFileSync(new URL('../src/data/generated/validators.cjs', import.meta.url), new URL('../dist/generated/validators.cjs', import.meta.url));

// How the program is bundled, for start-up speed (`npm run bench`):
// - dist/main.cjs: every command in one CommonJS file. One file loads much
//   faster than the small chunks that code splitting makes of the same code,
//   and CommonJS spares the run Node's ES module loader.
// - dist/lib-*.js: the prompts and ora (ES modules), loaded by import() only
//   when a command asks or shows a spinner.
const LIBS = { 'lib-select': '@inquirer/select', 'lib-checkbox': '@inquirer/checkbox', 'lib-confirm': '@inquirer/confirm', 'lib-input': '@inquirer/input', 'lib-ora': 'ora' };

// conf's schema, migrations and watch options (never used: src/store/conf.ts)
// need ajv, ajv-formats, semver and debounce-fn: in the bundle they are stubs
// that throw if ever called, as conf's readme shows for ajv.
const CONF_UNUSED = {
  'ajv/dist/2020.js': 'export class Ajv2020 { constructor() { fail("ajv"); } }',
  'ajv-formats': 'export default function ajvFormats() { fail("ajv-formats"); }',
  'debounce-fn': 'export default function debounceFn() { fail("debounce-fn"); }',
  semver: 'export default new Proxy({}, { get: () => () => fail("semver") });',
};
// Three Node modules cost more to load than the rest of the store (node:crypto
// and node:assert several ms each, node:stream 2 ms), for uses spasm never
// reaches or that have a simple answer: conf encrypts only with
// `encryptionKey`; its constructor compares the file's contents with itself
// plus `defaults` (none: two shallow copies of one object); atomically takes a
// stream only in its async writer. tests/e2e/foundation.test.ts holds that the
// bundle reads and writes the store with these.
const CONF_BUILTINS = {
  'node:crypto': 'export default new Proxy({}, { get: () => () => { throw new Error("spasm: node:crypto is not bundled for conf: spasm never passes encryptionKey"); } });',
  'node:assert': `export default { deepEqual(a, b) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length || keys.some((k) => a[k] !== b[k])) throw new Error("not equal");
  } };`,
  'node:stream': 'export class Readable {}',
};
const stubConfUnused = {
  name: 'stub-conf-unused',
  setup(b) {
    b.onResolve({ filter: /^node:(assert|crypto|stream)$/ }, (args) =>
      /\/node_modules\/(conf|atomically)\//.test(args.importer) ? { path: args.path, namespace: 'conf-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'conf-builtin' }, (args) => ({ contents: CONF_BUILTINS[args.path], loader: 'js' }));
    // Two that conf uses only sometimes load on first use: atomically only
    // writes (and sets up its exit hooks on load), env-paths only finds a
    // directory when no cwd is given (spasm always gives one).
    b.onResolve({ filter: /^(atomically|env-paths)$/ }, (args) =>
      /\/node_modules\/conf\//.test(args.importer) ? { path: args.path, namespace: 'conf-lazy', pluginData: args.resolveDir } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'conf-lazy' }, async (args) => {
      const real = JSON.stringify((await b.resolve(args.path, { kind: 'require-call', resolveDir: args.pluginData })).path);
      const contents = args.path === 'atomically' ? `export const writeFileSync = (...a) => require(${real}).writeFileSync(...a);` : `export default (...a) => require(${real}).default(...a);`;
      return { contents, loader: 'js', resolveDir: args.pluginData };
    });
    b.onResolve({ filter: /^(ajv\/dist\/2020\.js|ajv-formats|debounce-fn|semver)$/ }, (args) =>
      args.importer.includes('/node_modules/conf/') ? { path: args.path, namespace: 'conf-unused' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'conf-unused' }, (args) => ({
      contents: `const fail = (name) => { throw new Error(\`spasm: \${name} is not bundled: spasm never passes conf the options that need it\`); };\n${CONF_UNUSED[args.path]}\n`,
      loader: 'js',
    }));
  },
};

// Building standard output or standard error as a stream, on a pipe or a
// terminal, loads Node's stream and network modules: a fifth of bare Node's
// start. spasm writes to the descriptors instead (src/stdio.ts), and two
// dependencies would load those modules anyway, for what they rarely use:
// chalk asks node:tty whether a descriptor is a terminal (src/stdio.ts answers
// that, loading node:tty only for a character device); commander loads
// node:child_process for subcommands that are programs of their own (spasm has
// none), and here gets it when first used. tests/stdio.test.ts holds that
// `status` loads none of them.
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: /^node:(tty|child_process)$/ }, (args) => {
      if (args.path === 'node:tty' && /\/node_modules\/chalk\//.test(args.importer)) return { path: 'tty', namespace: 'lazy-builtin' };
      if (args.path === 'node:child_process' && /\/node_modules\/commander\//.test(args.importer)) return { path: 'child_process', namespace: 'lazy-builtin' };
      return undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) =>
      args.path === 'tty'
        ? { contents: `import { isTerminal } from ${JSON.stringify(fileURLToPath(new URL('../src/stdio.ts', import.meta.url)))};\nexport const isatty = (fd) => isTerminal(fd);\nexport default { isatty };\n`, loader: 'js', resolveDir: root }
        : { contents: 'module.exports = new Proxy({}, { get: (_, key) => require("node:child_process")[key] });\n', loader: 'js' },
    );
  },
};

// The store's validator (most of it generated from records.schema.json) is a
// quarter of the program's code, and a read of a store spasm wrote itself
// never needs it: it is dist/store-validate.cjs, loaded only to check.
// It is required (CommonJS), not imported: an import() of it would start
// Node's ES module loader, which costs more than the check.
const storeValidatorOutside = {
  name: 'store-validator-outside',
  setup(b) {
    b.onResolve({ filter: /^\.\/validate\.js$/ }, (args) =>
      args.importer.endsWith('/src/store/index.ts') || args.importer.endsWith('/src/store/export-file.ts') ? { path: 'store-validate', namespace: 'store-validate' } : undefined,
    );
    // Through the shim's loader when it runs the bundle from its code cache (below), else plainly.
    b.onLoad({ filter: /.*/, namespace: 'store-validate' }, () => ({ contents: 'module.exports = (globalThis.__spasmRequire ?? require)("./store-validate.cjs");', loader: 'js' }));
    b.onResolve({ filter: /^\.\/store-validate\.cjs$/ }, (args) => ({ path: args.path, external: true }));
  },
};

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

await Promise.all([
  build({ ...esModules, entryPoints: Object.fromEntries(Object.entries(LIBS)), splitting: true, chunkNames: 'lib-chunk-[hash]' }),
  build({ ...commonJs, entryPoints: { main: 'src/main.ts' }, plugins: [libsOutside, stubConfUnused, storeValidatorOutside, lazyBuiltins] }),
  build({ ...commonJs, entryPoints: { 'store-validate': 'src/store/validate.ts' } }),
]);

// V8's code cache of each bundle, for bin/spasm.js on Node 20 (Node 22+
// keeps its own). Node 20 runs a cached script only through node:vm, where
// import() needs an experimental flag: the bundle's import() of the prompts
// and ora goes through the loader the shim provides (globalThis.__spasmImport).
for (const name of ['main.cjs', 'store-validate.cjs']) {
  const file = fileURLToPath(new URL(`../dist/${name}`, import.meta.url));
  let code = readFileSync(file, 'utf8');
  if (name === 'main.cjs') {
    const imports = code.split('import("./lib-').length - 1;
    if (imports !== Object.keys(LIBS).length) throw new Error(`build: expected ${Object.keys(LIBS).length} import() of dist/lib-*.js in main.cjs, found ${imports}`);
    code = code.replace('"use strict";', '"use strict";const __spasmImport=globalThis.__spasmImport??(s=>import(s));').replaceAll('import("./lib-', '__spasmImport("./lib-');
    writeFileSync(file, code);
  }
  writeFileSync(`${file}.cache`, new Script(Module.wrap(code), { filename: file }).createCachedData());
}
warmCodeCaches();

/**
 * A code cache made before the bundle ran holds little more than its top
 * level: every function a command calls still compiles at each start. So the
 * build runs common commands on a generated year of history (a temp store),
 * each through scripts/warm-code-cache.cjs, which leaves the cache with what
 * that run compiled added. A command that fails here fails the build.
 */
function warmCodeCaches() {
  const work = mkdtempSync(join(tmpdir(), 'spasm-build-'));
  try {
    const history = join(work, 'history.json');
    writeFileSync(history, JSON.stringify(generatedHistory(Date.now(), 1)));
    const env = { ...process.env, SPASM_DATA_DIR: join(work, 'data'), NO_COLOR: '1', SPASM_TIME_SCALE: '1000000' };
    delete env.FORCE_COLOR;
    delete env.SPASM_NOW;
    const runs = [
      ['import', history],
      ['status', '--json'],
      ['status'],
      ['report', '--format', 'json'],
      ['report'],
      ['report', '--format', 'html'],
      ['log', '--onset', '3h ago', '--pain', '4', '--lasted', '1h', '--json'],
      ['log', 'list'],
      ['exercises'],
      ['log', '--onset', '2h ago', '--pain', '6', '--ongoing'],
      ['checkin', '--pain', '3'],
      ['start', '--pain', '5', '--red-flags', 'none', '--hands-free'],
      ['routine', '--hands-free', '--pain-before', '3', '--pain-after', '2'],
      ['export'],
    ];
    for (const argv of runs) {
      const run = spawnSync(process.execPath, ['scripts/warm-code-cache.cjs', ...argv], { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      if (run.status !== 0) throw new Error(`build: warming the code cache, spasm ${argv.join(' ')} exited ${run.status}: ${run.stderr}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// `spasm --help` never changes between builds of the same code (fixed width,
// no colour), so render it now; bin/spasm.js prints it without starting the
// program. tests/e2e/foundation.test.ts checks it against the live program.
const help = execFileSync(process.execPath, ['bin/spasm.js', '--help'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
writeFileSync(new URL('../dist/help.txt', import.meta.url), help);
