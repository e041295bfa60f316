import { SCHEMA_VERSION } from '../core/records.js';

/** Upgrades a document of version n to n + 1. Keyed by n. */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * The migrations of the store and of export documents (both hold `episodes`).
 * A shape change adds one here and raises SCHEMA_VERSION.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // 1 → 2: every episode gains its PSFS activities and check-ins, both empty.
  1: (doc) => ({
    ...doc,
    episodes: Array.isArray(doc.episodes)
      ? doc.episodes.map((e: unknown) => (typeof e === 'object' && e !== null && !Array.isArray(e) ? { ...e, activities: [], checkins: [] } : e))
      : doc.episodes,
  }),
};

export type MigrateResult =
  | { ok: true; doc: Record<string, unknown>; from: number }
  | { ok: false; reason: 'not-a-document' | 'no-version' | 'newer' | 'no-migration'; version?: number };

/** Brings a parsed document up to `target`, one version at a time. Pure: returns a new object. */
export function migrate(raw: unknown, target = SCHEMA_VERSION, migrations: Readonly<Record<number, Migration>> = MIGRATIONS): MigrateResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'not-a-document' };
  const version = (raw as Record<string, unknown>).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, reason: 'no-version' };
  if (version > target) return { ok: false, reason: 'newer', version };
  let doc = { ...(raw as Record<string, unknown>) };
  for (let v = version; v < target; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, reason: 'no-migration', version: v };
    doc = { ...step(doc), schemaVersion: v + 1 };
  }
  return { ok: true, doc, from: version };
}
