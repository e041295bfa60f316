// Every file in data/ loads and passes its schema and the checks beyond it,
// and its content keeps to clinical.md: source keys, the red-flag ids, no bed rest.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  dataDirectory,
  loadExercises,
  loadHomeProgram,
  loadLogOptions,
  loadProtocol,
  loadRedFlags,
  loadSources,
} from '../../src/data/index.js';
import {
  findUnknownSources,
  parseExercises,
  parseHomeProgram,
  parseLogOptions,
  parseProtocol,
  parseRedFlags,
  parseSources,
} from '../../src/data/parse.js';
import type { ParseResult } from '../../src/data/types.js';

const dir = dataDirectory();
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const read = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));

const library = loadExercises();
// A new data file must be added here (and to scripts/compile-schemas.mjs), or this test fails.
const parsers: Record<string, (json: unknown) => ParseResult<unknown>> = {
  'protocol.json': (json) => parseProtocol(json, library),
  'red-flags.json': parseRedFlags,
  'exercises.json': parseExercises,
  'program.json': (json) => parseHomeProgram(json, library),
  'log-options.json': parseLogOptions,
  'sources.json': parseSources,
};

/** Every string in a JSON value, with its path. */
function strings(value: unknown, path = '$'): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  }
  return [];
}

/** Every object in a JSON value, with its path. */
function objects(value: unknown, path = '$'): Array<[string, Record<string, unknown>]> {
  if (Array.isArray(value)) return value.flatMap((v, i) => objects(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return [[path, record], ...Object.entries(record).flatMap(([k, v]) => objects(v, `${path}.${k}`))];
  }
  return [];
}

describe('data/ files', () => {
  it('holds the expected files', () => {
    expect(files).toEqual(expect.arrayContaining(Object.keys(parsers)));
  });

  it.each(files)('%s has a parser, a schema and its $schema key', (file) => {
    expect(parsers[file], `no parser for data/${file}: add one to this test`).toBeDefined();
    const name = file.replace(/\.json$/, '');
    expect(readdirSync(join(dir, 'schema'))).toContain(`${name}.schema.json`);
    expect((read(file) as Record<string, unknown>).$schema).toBe(`./schema/${name}.schema.json`);
  });

  it.each(files)('%s passes its schema and checks', (file) => {
    const result = parsers[file]!(read(file));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('loads through the loader, cached and frozen', () => {
    const protocol = loadProtocol();
    expect(loadProtocol()).toBe(protocol);
    expect(Object.isFrozen(protocol.steps[0])).toBe(true);
    expect(loadRedFlags().flags.length).toBe(18);
    expect(loadHomeProgram().exercises.length).toBeGreaterThan(0);
    expect(loadLogOptions().triggers.length).toBeGreaterThan(0);
    expect(loadSources().size).toBeGreaterThan(0);
  });
});

describe('sources', () => {
  const known = loadSources();
  const cited = files.filter((f) => f !== 'sources.json');

  it.each(cited)('%s cites only keys of the clinical.md source list', (file) => {
    expect(findUnknownSources(read(file), known)).toEqual([]);
  });

  it.each(cited)('%s gives non-empty sources on the file and on every item', (file) => {
    const json = read(file) as Record<string, unknown>;
    const missing: string[] = [];
    for (const [path, obj] of objects(json)) {
      // Items with an id carry their own sources; log-options' labels rest on the file's.
      // protocol.json has no top-level sources: each of its sections has its own.
      const isSection = file === 'protocol.json' && /^\$\.(breathing|therapyChoice|advice\.[a-z-]+)$/.test(path);
      const isTop = path === '$' && file !== 'protocol.json';
      const isItem = isTop || isSection || ('id' in obj && file !== 'log-options.json' && !('exercise' in obj));
      if (isItem && !(Array.isArray(obj.sources) && obj.sources.length > 0)) missing.push(path);
    }
    expect(missing).toEqual([]);
  });

  it('matches the list in clinical.md when it is at hand', () => {
    let clinical: string;
    try {
      clinical = readFileSync(join(dir, '..', '..', 'shared', 'clinical.md'), 'utf8');
    } catch {
      return; // only the shared workspace has clinical.md; data/sources.json is the copy we ship
    }
    const list = clinical.split('## Sources')[1] ?? '';
    const keys = list.split(' · ').map((entry) => entry.trim().split(' ')[0]);
    expect([...known.keys()].sort()).toEqual(keys.sort());
  });
});

describe('content', () => {
  it('has exactly the 18 red flags of clinical.md section 2, each in its tier, in order', () => {
    const flags = loadRedFlags().flags;
    expect(flags.map((f) => [f.id, f.tier])).toEqual([
      ['urination', 'emergency'], ['incontinence', 'emergency'], ['saddle-numbness', 'emergency'], ['leg-weakness', 'emergency'],
      ['sexual-function', 'emergency'], ['trauma', 'emergency'], ['chest-pain', 'emergency'], ['aaa', 'emergency'],
      ['fever', 'same-day'], ['cancer-history', 'same-day'], ['weight-loss', 'same-day'], ['immunosuppression', 'same-day'],
      ['recent-infection', 'same-day'], ['night-pain', 'same-day'], ['thoracic-pain', 'same-day'], ['minor-injury-fragile', 'same-day'],
      ['cough-sneeze', 'same-day'], ['age-first-episode', 'same-day'],
    ]);
  });

  it('keeps the cues that matter in the screen\'s own words (clinical.md section 2)', () => {
    const question = (id: string) => loadRedFlags().flags.find((f) => f.id === id)!.question;
    expect(question('urination')).toMatch(/since the pain began/i);
    expect(question('saddle-numbness')).toMatch(/^New .*around your bottom/);
    expect(question('leg-weakness')).toMatch(/both legs/);
    expect(question('trauma')).toMatch(/serious accident/);
    expect(question('fever')).not.toMatch(/unwell/);
    expect(question('night-pain')).not.toMatch(/lying down/);
    const { watchFor } = loadRedFlags();
    expect(watchFor).toMatch(/If any of these start, get help now\.$/);
  });

  it('gives every threshold its own sources, and marks our own design choices', () => {
    const { thresholds } = loadProtocol();
    const known = loadSources();
    const numbers = Object.keys(thresholds).filter((k) => typeof (thresholds as unknown as Record<string, unknown>)[k] === 'number');
    expect(Object.keys(thresholds.sources).sort()).toEqual(numbers.sort());
    for (const [name, keys] of Object.entries(thresholds.sources)) {
      expect(keys.length, name).toBeGreaterThan(0);
      for (const key of keys) expect(key === 'design' || known.has(key), `${name}: ${key}`).toBe(true);
    }
    // clinical.md section 1: the 14-day window, the 24-hour rescreen and the 365-day look-back are ours.
    for (const name of ['ongoingMaxDays', 'screenRepeatHours', 'recurrenceLookbackDays'] as const) expect(thresholds.sources[name]).toEqual(['design']);
    // Everything the clinic's post gave cites PP first.
    for (const name of ['coldUntilHours', 'therapyMinutes', 'therapyIntervalMinHours', 'therapyIntervalMaxHours', 'persistingSuggestDays'] as const) {
      expect(thresholds.sources[name][0], name).toBe('PP');
    }
  });

  it('cites the clinic post (PP) first on every step taken from it', () => {
    const steps = loadProtocol().steps;
    for (const id of ['rest-position', 'cold', 'heat', 'stretches', 'straighten-up', 'walking']) {
      expect(steps.find((s) => s.id === id)!.sources[0], id).toBe('PP');
    }
  });

  it('walks the steps in the order of SPEC.md section 1: movements lying down, then up, then walking', () => {
    const protocol = loadProtocol();
    expect(protocol.steps.map((s) => s.id)).toEqual(['rest-position', 'breathing', 'cold', 'heat', 'stretches', 'straighten-up', 'walking']);
    // Nothing on all fours in an episode: child's pose and cat-cow stay in the daily program.
    const lying = protocol.steps.find((s) => s.id === 'stretches')!.exercises!;
    expect(lying).toEqual(['pelvic-tilt', 'knee-to-chest-single', 'knee-rolls']);
    const program = loadHomeProgram().exercises.map((e) => e.id);
    expect(program).toEqual(expect.arrayContaining(['childs-pose', 'cat-cow']));
  });

  it('shows every heat and cold caution of clinical.md section 7 on both steps', () => {
    const steps = loadProtocol().steps;
    for (const id of ['cold', 'heat']) {
      const text = steps.find((s) => s.id === id)!.cautions.join(' ');
      expect(text, id).toMatch(/towel or cover/);
      expect(text, id).toMatch(/Do not lie on the pack/);
      expect(text, id).toMatch(/Do not fall asleep/);
      expect(text, id).toMatch(/20 minutes at most/);
      expect(text, id).toMatch(/Diabetes, poor circulation, numb skin or Raynaud's/);
      expect(text, id).toMatch(/bright red, blotchy, white or blistered/);
    }
    expect(steps.find((s) => s.id === 'heat')!.cautions.join(' ')).toMatch(/not boiling.*heat rub/);
  });

  it('doses as clinical.md section 3 says', () => {
    const e = (id: string) => library.byId.get(id)!;
    expect(e('knee-to-chest-single').reps).toEqual({ start: 2, max: 3 });
    expect(e('knee-to-chest-single').instructions[0]).toMatch(/behind the thigh/);
    expect(e('hamstring-stretch').instructions[0]).toMatch(/behind one thigh\.$/);
    // A "one breath" hold is one breath of the breathing step (4 s in, 6 s out).
    for (const id of ['knee-rolls', 'childs-pose', 'cat-cow']) expect(e(id).holdSeconds, id).toBe(10);
    // The daily program says "once or twice a day": its exercises agree.
    const program = loadHomeProgram();
    expect(program.description).toMatch(/once or twice a day/);
    for (const x of program.exercises) expect(x.timesPerDay, x.id).toBeLessThanOrEqual(2);
    for (const id of ['knee-to-chest-single', 'knee-to-chest-double', 'childs-pose', 'piriformis-stretch']) {
      expect(e(id).cautions.join(' '), id).toMatch(/hip replacement/);
    }
    expect(program.precautions?.join(' ')).toMatch(/pregnancy/);
    expect(program.walking?.text).toMatch(/each week/);
    expect(program.walking?.sources).toEqual(expect.arrayContaining(['WB', 'ST3']));
  });

  it('has the self-care facts of clinical.md section 1, with sources, and no doses or brands', () => {
    const facts = loadProtocol().goodToKnow;
    expect(facts.map((f) => f.id)).toEqual(expect.arrayContaining(['painkillers', 'work', 'sleeping', 'flare-ups']));
    const text = facts.map((f) => f.text).join(' ');
    expect(text).toMatch(/pharmacist/);
    expect(text).not.toMatch(/\d+ ?mg|ibuprofen|paracetamol|naproxen|aspirin/i);
  });

  it('has the thresholds and breathing pace of SPEC.md section 1', () => {
    const { thresholds, breathing } = loadProtocol();
    expect({ ...thresholds, sources: undefined, note: undefined }).toEqual({
      coldUntilHours: 72, therapyMinutes: 20, therapyIntervalMinHours: 1, therapyIntervalMaxHours: 2,
      ongoingMaxDays: 14, screenRepeatHours: 24, persistingSuggestDays: 7, persistingRecommendDays: 14,
      recurrenceGapDays: 30, recurrenceLookbackDays: 365, sources: undefined, note: undefined,
    });
    expect([breathing.inhaleSeconds, breathing.exhaleSeconds, breathing.minutes]).toEqual([4, 6, 3]);
    // clinical.md section 6: offer box breathing, and a shorter pace when slow feels hard.
    expect(breathing.box).toEqual({ inSeconds: 4, holdSeconds: 4, outSeconds: 4, holdOutSeconds: 4 });
    expect(breathing.shorter).toEqual({ inhaleSeconds: 3, exhaleSeconds: 4 });
  });

  it('has the ten exercises of clinical.md section 3', () => {
    expect([...library.byId.keys()]).toEqual(expect.arrayContaining([
      'diaphragmatic-breathing', 'pelvic-tilt', 'knee-to-chest-single', 'knee-to-chest-double', 'knee-rolls',
      'childs-pose', 'cat-cow', 'prone-press-up', 'hamstring-stretch', 'piriformis-stretch',
    ]));
  });

  it('mentions the evidence for heat where the user chooses', () => {
    const protocol = loadProtocol();
    expect(protocol.therapyChoice.note).toMatch(/heat/i);
    expect(protocol.therapyChoice.sources).toEqual(expect.arrayContaining(['A1', 'C1']));
    expect(protocol.steps.find((s) => s.id === 'heat')?.note).toMatch(/ACP 2017/);
  });

  it.each(files)('%s never advises staying in bed', (file) => {
    for (const [path, text] of strings(read(file))) {
      const lower = text.toLowerCase();
      expect(lower, path).not.toMatch(/stay(ing)? in bed/);
      // "bed rest" may appear only as "not bed rest".
      for (const match of lower.matchAll(/bed ?rest/g)) {
        expect(lower.slice(Math.max(0, match.index - 4), match.index), `${path}: "${text}"`).toBe('not ');
      }
    }
  });

  it('says the rest position is not bed rest', () => {
    expect(loadProtocol().steps[0]?.note).toMatch(/not bed rest/);
  });
});
