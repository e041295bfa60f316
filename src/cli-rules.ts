// Two rules of SPEC.md section 3 that commander does not keep by itself,
// applied to every command of the program at once.
import type { Command } from 'commander';
import { quoted } from './core/text.js';
import { UsageError } from './errors.js';

/** `spasm log show`, for messages. */
function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let at: Command | null = cmd; at; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}

/**
 * - A flag given twice that takes one value is exit 2, not "last one wins"
 *   (commander keeps the last). Options with a parser of their own are the
 *   repeatable ones (`--trigger`, collected) and are left alone.
 * - A missing argument names what is allowed (its description), not only
 *   its name: `spasm timer` says cold, heat or breathe.
 */
export function applyRules(program: Command): Command {
  const given = new Map<object, string>();
  const visit = (cmd: Command) => {
    for (const option of cmd.options) {
      if (!(option.required || option.optional) || option.variadic || option.parseArg) continue;
      const name = option.long ?? option.short ?? option.flags;
      option.argParser((value: string) => {
        const before = given.get(option);
        if (before !== undefined) throw new UsageError(`${name} was given twice (${quoted(before)}, then ${quoted(value)})`, `give ${name} once`);
        given.set(option, value);
        return value;
      });
    }
    (cmd as unknown as { missingArgument(name: string): never }).missingArgument = (name: string) => {
      const argument = cmd.registeredArguments.find((a) => a.name() === name);
      const what = argument?.description ? `: ${argument.description}` : '';
      throw new UsageError(`${commandPath(cmd).replace(/^spasm /, '')} needs <${name}>${what}`, `for example: ${commandPath(cmd)} ${example(cmd, name)}`);
    };
    cmd.commands.forEach(visit);
  };
  visit(program);
  return program;
}

/** A sample value for a missing argument: the first of its listed values, else its name. */
function example(cmd: Command, name: string): string {
  const description = cmd.registeredArguments.find((a) => a.name() === name)?.description ?? '';
  const first = /^([a-z]+),/.exec(description)?.[1];
  return first ?? `<${name}>`;
}
