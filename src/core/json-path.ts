/**
 * JSON paths and readable messages for JSON Schema problems, shared by the
 * program data (src/data) and the store and export documents (src/store).
 */

/** What a precompiled validator reports (the subset of ajv's ErrorObject we read). */
export interface ValidationError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A precompiled validator: true when valid, else `errors` is set. */
export interface Validator {
  (data: unknown): boolean;
  errors?: ValidationError[] | null;
}

export type Segment = string | number;

const ID_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
const SOURCE_PATTERN = '^([A-Z][A-Z0-9]*(-[A-Z0-9]+)*|design)$';

/** `["exercises", 2, "reps"]` → `$.exercises[2].reps`; keys that are not identifiers are quoted. */
export function jsonPath(segments: readonly Segment[]): string {
  let path = '$';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) path += `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

/** ajv's JSON Pointer (`/exercises/2/reps/start`) → `$.exercises[2].reps.start`. */
export function pointerToPath(pointer: string, extra?: string): string {
  const segments: Segment[] = pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointer);
  if (extra !== undefined) segments.push(extra);
  return jsonPath(segments);
}

function unescapePointer(token: string): Segment {
  const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
  // ajv only emits pure digits for array indexes; object keys like "2" are rare enough in our files.
  return /^(0|[1-9][0-9]*)$/.test(key) ? Number(key) : key;
}

const TYPE_NAMES: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  null: 'null',
};

/** One ajv error → "<path>: <problem>" in words a therapist editing the file can act on. */
function describeSchemaError(error: ValidationError): string | undefined {
  const p = error.params;
  const at = (extra?: string) => pointerToPath(error.instancePath, extra);
  switch (error.keyword) {
    case 'if':
    case 'anyOf':
      return undefined; // the failing branch reports the real problem
    case 'const':
      return `${at()}: must be ${JSON.stringify(p.allowedValue)}`;
    case 'required':
      return `${at(String(p.missingProperty))}: is required`;
    case 'additionalProperties':
      return `${at(String(p.additionalProperty))}: is not an allowed property`;
    case 'type': {
      const types = String(p.type).split(',');
      return `${at()}: must be ${types.map((t) => TYPE_NAMES[t] ?? t).join(' or ')}`;
    }
    case 'minLength':
      return p.limit === 1 ? `${at()}: must not be empty` : `${at()}: must be at least ${String(p.limit)} characters`;
    case 'maxLength':
      return `${at()}: must be at most ${String(p.limit)} characters`;
    case 'minItems':
      return p.limit === 1 ? `${at()}: must not be empty` : `${at()}: must have at least ${String(p.limit)} items`;
    case 'maxItems':
      return `${at()}: must have at most ${String(p.limit)} items`;
    case 'minProperties':
      return `${at()}: must have at least ${String(p.limit)} properties`;
    case 'minimum':
      return `${at()}: must be at least ${String(p.limit)}`;
    case 'maximum':
      return `${at()}: must be at most ${String(p.limit)}`;
    case 'exclusiveMinimum':
      return `${at()}: must be greater than ${String(p.limit)}`;
    case 'exclusiveMaximum':
      return `${at()}: must be less than ${String(p.limit)}`;
    case 'enum':
      return `${at()}: must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'pattern':
      if (p.pattern === ID_PATTERN) return `${at()}: must be an id of lowercase letters, digits and single hyphens, like "knee-rolls"`;
      if (p.pattern === SOURCE_PATTERN) return `${at()}: must be a source key of capital letters and digits, like "NHSI", or "design"`;
      if (String(p.pattern).startsWith('^\\d{4}-\\d{2}-\\d{2}T')) return `${at()}: must be a date-time with its offset, like 2026-11-27T09:30:00+01:00`;
      return `${at()}: has the wrong form (must match ${String(p.pattern)})`;
    default:
      return `${at()}: ${error.message ?? `fails ${error.keyword}`}`;
  }
}

/** Runs `validate` and returns one line per distinct problem, `<path>: <what is wrong>`. */
export function schemaErrors(validate: Validator, json: unknown): string[] {
  if (validate(json)) return [];
  const errors = (validate.errors ?? []).map(describeSchemaError).filter((e): e is string => e !== undefined);
  return [...new Set(errors)];
}
