import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/spasm.js', import.meta.url));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  dataDir?: string;
  env?: Record<string, string | undefined>;
  input?: string;
  timeout?: number;
}

function environment(options: RunOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, SPASM_NOW: undefined, SPASM_TIME_SCALE: undefined };
  if (options.dataDir) env.SPASM_DATA_DIR = options.dataDir;
  for (const [k, v] of Object.entries(options.env ?? {})) env[k] = v;
  return env;
}

/** Runs the built binary to the end, without a terminal. */
export function runSpasm(args: string[], options: RunOptions = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: environment(options),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeout ?? 15_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the built binary in the background (for concurrency and kill tests). */
export function spawnSpasm(args: string[], options: RunOptions = {}) {
  return spawn(process.execPath, [BIN, ...args], { env: environment(options), stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs the binary and resolves when it exits. */
export function runSpasmAsync(args: string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((done) => {
    const child = spawnSpasm(args, options);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
