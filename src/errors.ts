/** Exit codes of SPEC.md section 3. Only main.ts turns them into a process exit. */
export const ExitCode = {
  Ok: 0,
  Failure: 1,
  Usage: 2,
  Store: 3,
  Interrupted: 130,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the user can act on: printed as `spasm: <message>`, plus an optional hint line. */
export class SpasmError extends Error {
  readonly exitCode: ExitCodeValue;
  readonly hint?: string;
  constructor(message: string, exitCode: ExitCodeValue, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
    this.hint = hint;
  }
}

/** Bad usage or bad input: a flag value out of range, an unknown id, an invalid file the user named. Exit 2. */
export class UsageError extends SpasmError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.Usage, hint);
  }
}

/** The store cannot be used: corrupt, newer version, locked past the wait, not writable. Exit 3. */
export class StoreError extends SpasmError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.Store, hint);
  }
}

/** The program's own data in data/ is invalid. Exit 1: a defect of the installation, not of the user's input. */
export class DataError extends SpasmError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.Failure, hint);
  }
}

/** The user pressed Ctrl-C; progress was saved. Exit 130. */
export class InterruptedError extends SpasmError {
  constructor(message = 'interrupted') {
    super(message, ExitCode.Interrupted);
  }
}
