import { emptyStore, type RoutineSession, type StoreDoc } from './records.js';

/** Everything in the store but the routine sessions. */
export type StoreHead = Omit<StoreDoc, 'routineSessions'>;

/**
 * The store's document as commands use it. The routine sessions are most of
 * a long history (3,650 in ten years) and most commands never look at them,
 * so they may stay JSON text until `sessions()` is first called.
 */
export class StoreDocument implements StoreHead {
  schemaVersion!: number;
  episodes!: StoreDoc['episodes'];
  settings!: StoreDoc['settings'];
  retiredIds!: string[];
  #sessions: RoutineSession[] | undefined;
  readonly #text: string | undefined;

  /** `sessions` as parsed records, or as the JSON text of their array (trusted: spasm wrote and checked it). */
  constructor(head: StoreHead, sessions: RoutineSession[] | string) {
    Object.assign(this, head);
    if (typeof sessions === 'string') this.#text = sessions;
    else this.#sessions = sessions;
  }

  static of(doc: StoreDoc): StoreDocument {
    const { routineSessions, ...head } = doc;
    return new StoreDocument(head, routineSessions);
  }

  static empty(): StoreDocument {
    return StoreDocument.of(emptyStore());
  }

  /** The routine sessions, in stored order; the array is the document's own (push to add). */
  sessions(): RoutineSession[] {
    this.#sessions ??= JSON.parse(this.#text!) as RoutineSession[];
    return this.#sessions;
  }

  /** The sessions' JSON text as read, while they are unparsed (so unchanged); else undefined. */
  unparsedSessions(): string | undefined {
    return this.#sessions ? undefined : this.#text;
  }

  /** Everything but the sessions, as plain data. */
  head(): StoreHead {
    return { ...this };
  }

  /** The plain JSON shape (parses the sessions). */
  toJSON(): StoreDoc {
    return { ...this.head(), routineSessions: this.sessions() };
  }
}
