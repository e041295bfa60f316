// Speech for a person lying down who cannot watch the screen (SPEC.md
// `--voice`): the platform's own speech command, one utterance after another.
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';

/** How to speak on this machine: the command, and its arguments (the text comes on stdin). */
export interface SpeechCommand {
  file: string;
  args: string[];
}

export interface Voice {
  /** Speaks `text` after what is being spoken. A `cue` (in… out…) is dropped if something is still being spoken: a late cue misleads. */
  say(text: string, options?: { cue?: boolean }): void;
  /** Resolves when everything queued has been spoken. */
  idle(): Promise<void>;
}

// node:child_process loads Node's network and stream modules: only when something is spoken.
const spawn = () => (createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process')).spawn;

export const SILENT: Voice = { say: () => {}, idle: () => Promise.resolve() };

/** The first executable named `name` on PATH, or null. */
function onPath(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | null {
  const exts = platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const file = join(dir, name + ext);
      try {
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/**
 * The speech command of the platform: `say` on macOS; `espeak-ng`, `espeak`
 * or `spd-say` on Linux; PowerShell's System.Speech on Windows. Each reads
 * the text from stdin (spd-say in its pipe mode), so no text is ever taken
 * for an option.
 */
export function findSpeech(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): SpeechCommand | null {
  const found = (name: string, args: string[]) => {
    const file = onPath(name, env, platform);
    return file ? { file, args } : null;
  };
  if (platform === 'darwin') return found('say', []);
  if (platform === 'win32') {
    const script = 'Add-Type -AssemblyName System.Speech; (New-Object System.Speech.Synthesis.SpeechSynthesizer).Speak([Console]::In.ReadToEnd())';
    return found('powershell', ['-NoProfile', '-NonInteractive', '-Command', script]) ?? found('pwsh', ['-NoProfile', '-NonInteractive', '-Command', script]);
  }
  return found('espeak-ng', ['--stdin']) ?? found('espeak', ['--stdin']) ?? found('spd-say', ['--wait', '--pipe-mode']);
}

/** A voice over `command`: utterances queue; the process never waits for speech to exit. */
export function createVoice(command: SpeechCommand): Voice {
  let queue = Promise.resolve();
  let busy = 0;
  const speak = (text: string) =>
    new Promise<void>((done) => {
      const child = spawn()(command.file, command.args, { stdio: ['pipe', 'ignore', 'ignore'] });
      child.on('error', () => done());
      child.on('close', () => done());
      child.stdin.on('error', () => {});
      child.stdin.end(`${text}\n`);
      child.unref();
    });
  return {
    say(text, options) {
      const clean = text.replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, ' ').trim();
      if (!clean || (options?.cue && busy > 0)) return;
      busy++;
      queue = queue.then(() => speak(clean)).finally(() => void busy--);
    },
    idle: () => queue,
  };
}
