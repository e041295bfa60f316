// First aid is never blocked by the store (SPEC.md section 1): `start` and
// `timer` run over this wrapper. While the store works it passes every call
// through; once the store cannot be used (corrupt, newer, locked past the
// wait, not writable) it says so in one line, keeps the rest of the run in
// memory, and leaves the file exactly as it was. The command exits 3 at the end.
import { StoreDocument } from '../core/document.js';
import { StoreError } from '../errors.js';
import type { Store } from '../store/index.js';

export interface UnsavedStore extends Store {
  /**
   * Checks now that the store can be read and locked (a no-op update, which
   * writes nothing), so the person hears about it at the start, not after.
   */
  check(): Promise<void>;
  /** Why nothing is being saved; null while the store works. */
  readonly failure: StoreError | null;
  /** Exit 3 now if the store could not be used (call at the end). */
  finish(): void;
}

export function unsavedStore(store: Store, say: (line: string) => void): UnsavedStore {
  let failure: StoreError | null = null;
  let memory: StoreDocument | null = null;
  let lastRead: StoreDocument | null = null;
  /** Did any write of this run succeed (before the store failed)? */
  let saved = false;
  // A deep copy: parses the sessions (only once the store has failed).
  const copyOf = (doc: StoreDocument) => StoreDocument.of(structuredClone(doc.toJSON()));

  const fail = (error: unknown): void => {
    if (!(error instanceof StoreError)) throw error;
    failure = error;
    memory = lastRead ? copyOf(lastRead) : StoreDocument.empty();
    say(`${error.message.replace(/\.$/, '')}. The guide goes on, but nothing ${saved ? 'more ' : ''}will be saved.\n`);
  };

  return {
    dir: store.dir,
    file: store.file,
    get failure() {
      return failure;
    },
    async check() {
      if (failure) return;
      try {
        lastRead = await store.read();
        await store.update(() => undefined);
      } catch (error) {
        fail(error);
      }
    },
    async read() {
      if (!failure) {
        try {
          lastRead = await store.read();
          return lastRead;
        } catch (error) {
          fail(error);
        }
      }
      return copyOf(memory!);
    },
    async update<T>(change: (doc: StoreDocument) => T): Promise<T> {
      if (!failure) {
        try {
          const result = await store.update(change);
          saved = true;
          return result;
        } catch (error) {
          if (!(error instanceof StoreError)) throw error;
          // A write failed part-way through a run: memory starts from what the file holds now, if it can still be read.
          lastRead = await store.read().catch(() => lastRead);
          fail(error);
        }
      }
      // Changes are applied to a copy first: a change that throws leaves memory as it was.
      const copy = copyOf(memory!);
      const result = change(copy);
      memory = copy;
      return result;
    },
    finish() {
      if (!failure) return;
      const what = saved ? 'the rest was not saved' : 'nothing was saved';
      throw new StoreError(`${what}: ${failure.message.replace(/\.$/, '')}`, failure.hint);
    },
  };
}
