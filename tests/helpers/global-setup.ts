// Before any test: the generated schema modules exist and the built program
// is current (so a fresh clone's `npx vitest` works), and one temp root per
// test run: every mkdtemp in the tests (and in the binaries they spawn) lands
// under it through TMPDIR, and it is removed at the end.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The newest modification time under `dir` (files only). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

/** The oldest modification time under `dir` (files only); 0 if it has none. */
function oldest(dir: string): number {
  try {
    const times = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => statSync(join(dir, e.name)).mtimeMs);
    return times.length ? Math.min(...times) : 0;
  } catch {
    return 0;
  }
}

/** Compiles the schemas unless every generated file is newer than everything it is made from (a spawn saved). */
function compileSchemasIfStale(): void {
  const generated = Math.min(...['src/data/generated', 'src/store/generated'].map((dir) => oldest(join(root, dir))));
  const inputs = Math.max(newest(join(root, 'data')), ...['src/store/records.schema.json', 'scripts/compile-schemas.mjs', 'package-lock.json'].map((file) => statSync(join(root, file)).mtimeMs));
  if (inputs >= generated) execFileSync(process.execPath, ['scripts/compile-schemas.mjs'], { cwd: root, stdio: 'inherit' });
}

/** Builds dist/ when it is missing or older than what it is built from. */
function buildIfStale(): void {
  let built: number;
  try {
    built = statSync(join(root, 'dist', 'help.txt')).mtimeMs;
  } catch {
    built = 0;
  }
  const sources = Math.max(...['src', 'data', 'bin', 'scripts'].map((dir) => newest(join(root, dir))), statSync(join(root, 'package.json')).mtimeMs);
  if (sources > built) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
}

export default function setup(): () => void {
  // The build compiles the schemas first; a current build had them already.
  compileSchemasIfStale();
  buildIfStale();
  const temp = mkdtempSync(join(tmpdir(), 'spasm-tests-'));
  process.env.TMPDIR = temp;
  return () => rmSync(temp, { recursive: true, force: true });
}
