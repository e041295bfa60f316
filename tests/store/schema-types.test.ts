// One truth for shapes: the TypeScript types of src/core/records.ts and the
// JSON Schema of the store (src/store/records.schema.json) name the same
// fields, required and optional alike, and the same values where the schema
// lists them. The compiler holds each list below to its type (`satisfies`
// rejects a missing or an extra key); the test holds it to the schema.
import { describe, expect, it } from 'vitest';
import type { Checkin, Episode, FunctionScore, Legs, PainCheck, RedFlagResult, RoutineSession, Settings, StepRecord, StepStatus, StoreDoc, TherapyKind, TherapySession, Tier, WalkthroughProgress } from '../../src/core/records.js';
import type { ExportDocument } from '../../src/core/transfer.js';
import schema from '../../src/store/records.schema.json' with { type: 'json' };

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type OptionalKeys<T> = Exclude<keyof T, RequiredKeys<T>>;
type Shape<T> = { required: Record<RequiredKeys<T>, 1>; optional: Record<OptionalKeys<T>, 1> };
const shape = <T,>(required: Record<RequiredKeys<T>, 1>, optional: Record<OptionalKeys<T>, 1>): Shape<T> => ({ required, optional });

interface ObjectSchema {
  properties: Record<string, unknown>;
  required?: string[];
}
const defs = schema.$defs as unknown as Record<string, ObjectSchema & Record<string, unknown>>;
const episodeProps = defs.episode!.properties as Record<string, { items?: ObjectSchema } & ObjectSchema>;
const itemsOf = (name: string) => episodeProps[name]!.items!;

const cases: [string, ObjectSchema, Shape<never> | Shape<object>][] = [
  ['store', defs.store!, shape<StoreDoc>({ schemaVersion: 1, episodes: 1, routineSessions: 1, settings: 1, retiredIds: 1 }, {})],
  ['export', defs.export!, shape<ExportDocument>({ format: 1, schemaVersion: 1, exportedAt: 1, episodes: 1, routineSessions: 1, settings: 1 }, { retiredIds: 1 })],
  [
    'episode',
    defs.episode!,
    shape<Episode>(
      { id: 1, onset: 1, endedAt: 1, source: 1, pain: 1, peakPain: 1, triggers: 1, helped: 1, legs: 1, notes: 1, redFlags: 1, steps: 1, therapy: 1, activities: 1, checkins: 1 },
      { redFlagHistory: 1, walkthrough: 1 },
    ),
  ],
  ['episode.pain[]', itemsOf('pain'), shape<PainCheck>({ at: 1, score: 1 }, {})],
  ['episode.steps[]', itemsOf('steps'), shape<StepRecord>({ id: 1, status: 1, at: 1 }, {})],
  ['episode.therapy[]', itemsOf('therapy'), shape<TherapySession>({ kind: 1, start: 1, end: 1 }, {})],
  ['episode.walkthrough', episodeProps.walkthrough!, shape<WalkthroughProgress>({ startedAt: 1, next: 1, therapy: 1 }, { choice: 1 })],
  ['redFlagResult', defs.redFlagResultOrNull!, shape<RedFlagResult>({ at: 1, positive: 1, tier: 1 }, {})],
  ['checkin', defs.checkin!, shape<Checkin>({ at: 1, pain: 1, function: 1, medicines: 1, sleptBadly: 1, missedWork: 1, notes: 1 }, {})],
  ['checkin.function[]', (defs.checkin!.properties.function as { items: ObjectSchema }).items, shape<FunctionScore>({ activity: 1, score: 1 }, {})],
  ['routineSession', defs.routineSession!, shape<RoutineSession>({ id: 1, at: 1, program: 1, painBefore: 1, painAfter: 1, exercises: 1 }, {})],
  ['settings', defs.settings!, shape<Settings>({}, { program: 1, name: 1, therapy: 1, notify: 1, voice: 1 })],
];

/** Every value of a string union, exactly (the compiler checks the record's keys). */
const values = <T extends string>(all: Record<T, 1>) => Object.keys(all).sort();

describe('the store schema and the TypeScript types agree', () => {
  it.each(cases)('%s: the same fields, required the same', (_name, objectSchema, { required, optional }) => {
    expect(Object.keys(objectSchema.properties).sort()).toEqual([...Object.keys(required), ...Object.keys(optional)].sort());
    expect([...(objectSchema.required ?? [])].sort()).toEqual(Object.keys(required).sort());
  });

  it.each([
    ['legs', episodeProps.legs, values<Exclude<Legs, never>>({ none: 1, buttock: 1, thigh: 1, 'below-knee': 1 })],
    ['step status', defs.status, values<StepStatus>({ done: 1, skipped: 1, stopped: 1 })],
    ['therapy kind', (itemsOf('therapy').properties as Record<string, unknown>).kind, values<TherapyKind>({ cold: 1, heat: 1 })],
    ['red-flag tier', (defs.redFlagResultOrNull!.properties as Record<string, unknown>).tier, values<Tier>({ none: 1, 'same-day': 1, emergency: 1 })],
    ['episode source', episodeProps.source, values<Episode['source']>({ start: 1, log: 1 })],
  ])('%s: the same values', (_name, valueSchema, expected) => {
    const listed = JSON.stringify(valueSchema).match(/"enum":\[([^\]]*)\]/)?.[1];
    expect(listed, JSON.stringify(valueSchema)).toBeDefined();
    expect((JSON.parse(`[${listed}]`) as unknown[]).filter((v) => v !== null).sort()).toEqual(expected);
  });
});
