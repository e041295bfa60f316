import { ExitCode, SpasmError } from '../errors.js';

/** A command registered in cli.ts whose implementation has not landed yet. */
export function notYet(name: string): never {
  throw new SpasmError(`'spasm ${name}' is not available in this version yet`, ExitCode.Failure);
}
