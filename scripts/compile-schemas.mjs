#!/usr/bin/env node
// Compiles the JSON Schemas into standalone ESM validator modules:
// data/schema/*.schema.json → src/data/generated/validators.js (+ .d.ts), and
// src/store/records.schema.json → src/store/generated/records.js (+ .d.ts). Compiling with ajv at start-up
// costs ~60 ms; the precompiled code costs nearly nothing, and ajv stays a
// devDependency. Run from anywhere: paths are relative to this file.
// Idempotent: files are only rewritten when their content changes.
import { crc32 } from 'node:zlib';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';

// ajv ships CommonJS with `exports.default`; under Node ESM that sits on `.default`.
const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const standaloneCode = standaloneModule.default ?? standaloneModule;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaDir = join(root, 'data', 'schema');

/** Export name → schema file. Add a line here when a data file is added. */
const validators = {
  validateProtocol: 'protocol.schema.json',
  validateRedFlags: 'red-flags.schema.json',
  validateExercises: 'exercises.schema.json',
  validateProgram: 'program.schema.json',
  validateLogOptions: 'log-options.schema.json',
  validateSources: 'sources.schema.json',
};

// ajv's ESM output still `require`s its small runtime helpers, which fails in
// an ES module and would need ajv at run time. Inline them instead.
const runtime = {
  // String length in Unicode code points, as JSON Schema counts it.
  ucs2length: `function ucs2length(str) {
  let length = 0;
  for (const _ of str) length++;
  return length;
}`,
  // Deep equality of JSON values (for enum/const/uniqueItems on objects).
  equal: `function equal(a, b) {
  if (a === b) return true;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (Array.isArray(a)) {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (!equal(a[i], b[i])) return false;
      return true;
    }
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const key of keys) {
      if (!Object.prototype.hasOwnProperty.call(b, key) || !equal(a[key], b[key])) return false;
    }
    return true;
  }
  return a !== a && b !== b;
}`,
};
// The schema files carry no $id, so that editors resolve their relative $refs
// (program → exercises) against the file's location; ajv needs a base URI instead.
const base = 'https://spasm.invalid/schema/';

compile({
  source: 'data/schema/*.schema.json',
  outDir: join(root, 'src', 'data', 'generated'),
  outName: 'validators',
  // CommonJS, so that src/data/parse.ts can load it synchronously and only when needed.
  esm: false,
  schemas: Object.fromEntries(Object.values(validators).map((file) => [base + file, join(schemaDir, file)])),
  mapping: Object.fromEntries(Object.entries(validators).map(([name, file]) => [name, base + file])),
});

// The store and export documents: one schema file whose $defs both use.
compile({
  source: 'src/store/records.schema.json',
  outDir: join(root, 'src', 'store', 'generated'),
  outName: 'records',
  schemas: { 'spasm-records': join(root, 'src', 'store', 'records.schema.json') },
  mapping: {
    validateStoreDoc: 'spasm-records#/$defs/store',
    validateExportDoc: 'spasm-records#/$defs/export',
    // One record at a time: a write checks only the records it changed.
    validateEpisode: 'spasm-records#/$defs/episode',
    validateRoutineSession: 'spasm-records#/$defs/routineSession',
  },
});

// The store trusts a file it wrote and checked only under the schema it checked
// it with: the record it keeps includes the schema's hash (src/store/index.ts).
{
  const text = readFileSync(join(root, 'src', 'store', 'records.schema.json'), 'utf8');
  const hash = `crc32:${crc32(text).toString(16).padStart(8, '0')}:${Buffer.byteLength(text)}`;
  mkdirSync(join(root, 'src', 'store', 'generated'), { recursive: true });
  writeIfChanged(join(root, 'src', 'store', 'generated', 'schema-hash.json'), `${JSON.stringify({ records: hash })}\n`);
}

function compile({ source, outDir, outName, schemas, mapping, esm = true }) {
  const ajv = new Ajv2020({ code: { source: true, esm }, allErrors: true, strict: true, allowUnionTypes: true, inlineRefs: false });
  for (const [id, file] of Object.entries(schemas)) {
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    ajv.addSchema({ ...schema, $id: id });
  }
  let code = standaloneCode(ajv, mapping);
  code = code.replace(
    /const (\w+) = require\("ajv\/dist\/runtime\/(\w+)"\)\.default;/g,
    (_match, name, helper) => {
      const impl = runtime[helper];
      if (!impl) throw new Error(`compile-schemas: no inline version of ajv runtime helper "${helper}"`);
      return `const ${name} = ${impl};\n`;
    },
  );
  if (/\brequire\(/.test(code)) {
    throw new Error('compile-schemas: the generated code still calls require(); inline that helper too');
  }
  const header = `// Generated by scripts/compile-schemas.mjs from ${source}. Do not edit.\n`;
  const dts =
    header +
    "export type { ValidationError, Validator } from '../../core/json-path.js';\n" +
    "import type { Validator } from '../../core/json-path.js';\n" +
    Object.keys(mapping)
      .map((name) => `export declare const ${name}: Validator;\n`)
      .join('');
  mkdirSync(outDir, { recursive: true });
  writeIfChanged(join(outDir, `${outName}.${esm ? 'js' : 'cjs'}`), header + code + '\n');
  writeIfChanged(join(outDir, `${outName}.${esm ? 'd.ts' : 'd.cts'}`), dts);
}

// Check every built-in data file against its schema now, and keep the text
// that passed: at run time the same text needs no second check
// (src/data/index.ts), so the validators are not even loaded. The text
// itself, not a hash of it: comparing is native and exact, while hashing it
// in plain code cost more than reading it.
{
  const require = createRequire(import.meta.url);
  const compiled = require(join(root, 'src', 'data', 'generated', 'validators.cjs'));
  const checked = {};
  const problems = [];
  for (const [name, schemaFile] of Object.entries(validators)) {
    const file = schemaFile.replace('.schema.json', '.json');
    const text = readFileSync(join(root, 'data', file), 'utf8');
    const validate = compiled[name];
    if (validate(JSON.parse(text))) checked[file] = text;
    else problems.push(`data/${file}: ${JSON.stringify(validate.errors.slice(0, 3))}`);
  }
  if (problems.length) throw new Error(`compile-schemas: built-in data does not match its schema:\n${problems.join('\n')}`);
  writeIfChanged(join(root, 'src', 'data', 'generated', 'checked.json'), `${JSON.stringify(checked, null, 2)}\n`);
}

function writeIfChanged(path, content) {
  let current;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== content) writeFileSync(path, content);
}
