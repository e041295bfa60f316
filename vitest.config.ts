import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import LongestFirst from './tests/helpers/sequencer.js';

// A test file that mocks modules (vi.mock, or @inquirer/testing/vitest, which mocks the
// prompt packages: the command tests use tests/helpers/screen.ts instead),
// spies on a module or sets process.env runs in a fresh worker of its own;
// every other file shares its worker's loaded modules with the files before
// it, which spares a second or so of start-up per file.
const MOCKS = /vi\.(mock|doMock|hoisted|spyOn|stubEnv|stubGlobal|useFakeTimers)\(|@inquirer\/testing\/vitest|process\.env\.\w+ *=[^=]/;
const testFiles = readdirSync('tests', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts'))
  .map((file) => `tests/${file}`);
const isolated = testFiles.filter((file) => MOCKS.test(readFileSync(file, 'utf8')));

// Every node process a test starts (the workers, the built binary ~150 times) would
// load these extra CA certificates, ~80 ms each on Node 20; nothing here speaks TLS.
delete process.env.NODE_EXTRA_CA_CERTS;

export default defineConfig({
  test: {
    globalSetup: ['tests/helpers/global-setup.ts'],
    // A zone with an offset (and summer time), so times are never UTC by accident.
    env: { TZ: 'Europe/Berlin', NO_COLOR: '1', SPASM_DATA_DIR: '/nonexistent/spasm-tests-must-set-a-data-dir' },
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Two cores, three workers: the end-to-end files spend much of their time waiting on the
    // processes they start (a pty's next screen, a lock holder), and a third worker fills it.
    // Measured: 14–15 s against 16–17 s with two, all passing with a busy loop on one core too.
    maxWorkers: 3,
    // The longest files first, whatever their project (tests/helpers/sequencer.ts).
    sequence: { sequencer: LongestFirst },
    // Transformed modules kept on disk between runs (node_modules/.experimental-vitest-cache):
    // about 1.5 s of a run; a fresh clone builds it on its first run.
    experimental: { fsModuleCache: true },
    projects: [
      { extends: true, test: { name: 'shared', include: ['tests/**/*.test.ts'], exclude: isolated, isolate: false } },
      { extends: true, test: { name: 'solo', include: isolated } },
    ],
  },
});
