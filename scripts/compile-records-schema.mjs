// Precompiles src/store/records.schema.json into a standalone validator module
// (no ajv at run time), like scripts/compile-schemas.mjs does for data/.
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const src = new URL('../src/store/records.schema.json', import.meta.url);
const outDir = new URL('../src/store/generated/', import.meta.url);
const schema = JSON.parse(readFileSync(src, 'utf8'));
const ajv = new Ajv2020({ code: { source: true, esm: true }, allErrors: true, strict: true });
ajv.addSchema(schema);
const code = standaloneCode.default(ajv, {
  validateStoreDoc: 'spasm-records#/$defs/store',
  validateExportDoc: 'spasm-records#/$defs/export',
});
mkdirSync(outDir, { recursive: true });
writeFileSync(new URL('records.js', outDir), esmOnly(code));
writeFileSync(
  new URL('records.d.ts', outDir),
  `export interface SchemaError { instancePath: string; keyword: string; message?: string; params: Record<string, unknown> }
export interface Validator { (data: unknown): boolean; errors?: SchemaError[] | null }
export declare const validateStoreDoc: Validator;
export declare const validateExportDoc: Validator;
`,
);

// ajv's standalone output still require()s its small runtime helpers even in
// ESM mode; turn each into an import so the module loads as plain ESM.
function esmOnly(source) {
  const imports = [];
  const body = source.replace(/require\("(ajv\/dist\/runtime\/[a-z0-9]+)"\)/gi, (_, mod) => {
    const name = `__rt${imports.length}`;
    imports.push(`import ${name} from "${mod}.js";`);
    return name;
  });
  return body.replace('"use strict";', `"use strict";${imports.join('')}`);
}
