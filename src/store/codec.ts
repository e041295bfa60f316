// The store's text and its document, both ways. The text is compact JSON (a
// 10-year store parses twice as fast as indented; `spasm export` gives the
// readable form) with the routine sessions last.
import { StoreDocument, type StoreHead } from '../core/document.js';
import { SCHEMA_VERSION } from '../core/records.js';
import { StoreError } from '../errors.js';
import { migrate } from './migrate.js';
import type * as Validate from './validate.js';

export const RESTORE_HINT = 'spasm left it exactly as it is. Restore it from a backup or an export, or move it aside to start a new store.';

/**
 * The sessions go last, after this text. It cannot occur inside a JSON string
 * (its quotes would be escaped there), so in text spasm wrote it marks where
 * the sessions begin.
 */
const SESSIONS_KEY = ',"routineSessions":';

/** The store's text from its head, its episodes (each as JSON) and its sessions' array (as JSON). */
export function storeText(head: StoreHead, episodes: readonly string[], sessions: string): string {
  const { schemaVersion, episodes: _episodes, settings, retiredIds, ...more } = head;
  const rest = JSON.stringify(more);
  return `{"schemaVersion":${schemaVersion},"episodes":[${episodes.join(',')}],"settings":${JSON.stringify(settings)},"retiredIds":${JSON.stringify(retiredIds)}${rest === '{}' ? '' : `,${rest.slice(1, -1)}`}${SESSIONS_KEY}${sessions}}`;
}

/** The text of an empty store. */
export const EMPTY_TEXT = storeText(StoreDocument.empty().head(), [], '[]');

/**
 * The document from text spasm wrote and checked, parsing only the head (the
 * sessions stay text); undefined if it is not in the shape spasm writes
 * (then the full check decides).
 */
export function trustedDocument(text: string): StoreDocument | undefined {
  const mark = text.indexOf(SESSIONS_KEY);
  if (mark <= 0 || !text.endsWith(']}')) return undefined;
  let head: Partial<StoreHead>;
  try {
    head = JSON.parse(`${text.slice(0, mark)}}`) as Partial<StoreHead>;
  } catch {
    return undefined;
  }
  const shaped = head.schemaVersion === SCHEMA_VERSION && Array.isArray(head.episodes) && typeof head.settings === 'object' && head.settings !== null && Array.isArray(head.retiredIds);
  return shaped ? new StoreDocument(head as StoreHead, text.slice(mark + SESSIONS_KEY.length, -1)) : undefined;
}

// Where each record begins in text spasm wrote (keys in the order of SPEC.md
// section 4). Nothing nested has these keys first, and quotes inside strings
// are escaped, so they begin records and nothing else.
const EPISODE_START = /\{"id":"(e[2-9a-hjkmnp-z]+)","onset":"/g;
const SESSION_START = /\{"id":"(r[2-9a-hjkmnp-z]+)","at":"/g;
const EPISODES_KEY = '{"schemaVersion":';

/** The text of each record in `array` (JSON text), by id, cut where each one begins. */
function cut(array: string, start: RegExp): Map<string, string> {
  const starts = Array.from(array.matchAll(start), (m) => ({ id: m[1]!, at: m.index }));
  return new Map(starts.map((s, i) => [s.id, array.slice(s.at, i + 1 < starts.length ? starts[i + 1]!.at - 1 : array.length - 1)]));
}

/**
 * The JSON text of each episode or each routine session in a store's text,
 * by id, as JSON.stringify wrote it there: a write compares each record's new
 * text with it to find the records it changed (only those are checked
 * again), without serializing the old store a second time. A record cut
 * wrongly (text not spasm's own) only counts as changed, and is checked.
 */
export function recordTexts(text: string, records: 'episodes' | 'sessions'): Map<string, string> {
  const mark = text.indexOf(SESSIONS_KEY);
  const settings = text.lastIndexOf('],"settings":', mark);
  if (!text.startsWith(EPISODES_KEY) || mark < 0 || settings < 0) return new Map();
  if (records === 'sessions') return cut(text.slice(mark + SESSIONS_KEY.length, -1), SESSION_START);
  return cut(text.slice(text.indexOf('"episodes":[') + '"episodes":['.length, settings + 1), EPISODE_START);
}

export function reasonOf(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.name === 'SyntaxError') return 'it is not valid JSON';
  if (e?.code === 'EISDIR' || e?.code === 'ERR_FS_EISDIR') return 'it is a directory';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'ENOSPC') return 'the disk is full (ENOSPC)';
  return e?.code ?? e?.message ?? String(error);
}

/** Parses, migrates and validates any text; refuses (exit 3) rather than guess. `from`: the version the file had. */
export function checkedDocument(text: string, file: string, validate: typeof Validate): { doc: StoreDocument; from: number } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new StoreError(`the store ${file} cannot be read: ${reasonOf(error)}`, RESTORE_HINT);
  }
  const migrated = migrate(raw);
  if (!migrated.ok) {
    if (migrated.reason === 'newer') {
      throw new StoreError(
        `the store ${file} was written by a newer spasm (schema version ${migrated.version}; this one reads up to ${SCHEMA_VERSION})`,
        'Update spasm to use it. spasm left it exactly as it is.',
      );
    }
    throw new StoreError(`the store ${file} is damaged: it has no valid schemaVersion`, RESTORE_HINT);
  }
  const checked = validate.checkStoreDoc(migrated.doc);
  if (!checked.ok) {
    throw new StoreError(`the store ${file} is damaged: ${checked.errors[0]}${checked.errors.length > 1 ? ` (and ${checked.errors.length - 1} more)` : ''}`, RESTORE_HINT);
  }
  return { doc: StoreDocument.of(checked.value), from: migrated.from };
}
