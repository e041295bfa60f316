/** An error reported by a JSON Schema validator (the subset of ajv's ErrorObject we read). */
export interface SchemaIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Turns a JSON Pointer (/episodes/2/pain) into a readable JSON path ($.episodes[2].pain). */
export function toJsonPath(pointer: string, extra?: string): string {
  const parts = pointer === '' ? [] : pointer.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  let path = '$';
  for (const part of parts) {
    if (/^\d+$/.test(part)) path += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) path += `.${part}`;
    else path += `[${JSON.stringify(part)}]`;
  }
  return path;
}

/** One line per problem, `<path>: <what is wrong>`, without duplicates (anyOf repeats itself). */
export function describeSchemaIssues(issues: readonly SchemaIssue[]): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    let line: string;
    if (issue.keyword === 'required') line = `${toJsonPath(issue.instancePath, String(issue.params.missingProperty))}: is required`;
    else if (issue.keyword === 'additionalProperties') line = `${toJsonPath(issue.instancePath, String(issue.params.additionalProperty))}: is not allowed here`;
    else if (issue.keyword === 'enum') line = `${toJsonPath(issue.instancePath)}: must be one of ${(issue.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    else if (issue.keyword === 'const') line = `${toJsonPath(issue.instancePath)}: must be ${JSON.stringify(issue.params.allowedValue)}`;
    else if (issue.keyword === 'pattern') line = `${toJsonPath(issue.instancePath)}: has the wrong form`;
    else if (issue.keyword === 'anyOf') continue; // its branches were reported already
    else line = `${toJsonPath(issue.instancePath)}: ${issue.message ?? issue.keyword}`;
    if (!lines.includes(line)) lines.push(line);
  }
  return lines;
}
