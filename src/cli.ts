import { Command, Option, type OutputConfiguration } from 'commander';
import { applyRules } from './cli-rules.js';
import { commanderMessage } from './core/text.js';
import type { Deps, GlobalOptions } from './deps.js';

/** Builds the Deps for a command once its global options are known. */
export type MakeDeps = (globals: GlobalOptions) => Deps | Promise<Deps>;

const collect = (value: string, previous: string[] = []) => [...previous, value];

function example(cmd: Command, ...lines: string[]): Command {
  return cmd.addHelpText('after', `\nExample${lines.length > 1 ? 's' : ''}:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`);
}

/**
 * The ids `--red-flags` accepts, as data/red-flags.json holds them (what each
 * means is in clinical.md section 2). Written out, so that help loads no data;
 * tests/cli.test.ts checks it against the file.
 */
export const RED_FLAG_HELP = `Red-flag ids for --red-flags (the questions in full: data/red-flags.json):
  get help now:      urination, incontinence, saddle-numbness, leg-weakness,
                     sexual-function, trauma, chest-pain, aaa
  see someone today: fever, cancer-history, weight-loss, immunosuppression,
                     recent-infection, night-pain, thoracic-pain,
                     minor-injury-fragile, cough-sneeze, age-first-episode
`;

/** The options of `log add` and `log edit`. */
function episodeFlags(cmd: Command, required: boolean): Command {
  return cmd
    .option('--onset <when>', `when it began${required ? ' (required)' : ''}`)
    .option('--pain <0-10>', `worst pain${required ? ' (required)' : ''}`)
    .option('--lasted <duration>', 'how long it lasted: 45m, 3h, 2d, 1d12h')
    .option('--ongoing', 'it is still going')
    .option('--trigger <text>', 'what set it off (repeatable): bending, lifting, sneezing, …', collect)
    .option('--helped <text>', 'what helped (repeatable)', collect)
    .option('--legs <spread>', 'how far pain spread down the leg: none, buttock, thigh, below-knee')
    .option('--note <text>', 'free text, up to 10,000 characters')
    .option('--json', 'print the stored record as JSON');
}

/**
 * The whole command line: registration only. Each action imports its
 * command module when it runs, so start-up parses only what is used.
 */
export function createProgram(version: string, makeDeps: MakeDeps, output: OutputConfiguration = {}): Command {
  const program = new Command('spasm');
  program
    .configureOutput({
      // commander says "error: …"; every spasm error line starts "spasm: …" (SPEC.md section 3).
      outputError: (text, write) => write(commanderMessage(text)),
      ...output,
    })
    .description('A calm guide through a low-back muscle spasm: first aid now, a log of episodes,\nthe daily exercises that prevent the next one, and a report for your physical therapist.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .option('--data-dir <dir>', 'where the store lives (env SPASM_DATA_DIR)')
    .option('--no-color', 'no colours (NO_COLOR and FORCE_COLOR are honoured too)')
    .option('--debug', 'print stack traces on errors')
    .showSuggestionAfterError(true)
    .configureHelp({ sortSubcommands: false, helpWidth: 80 })
    .exitOverride();

  const run =
    <O extends object>(load: () => Promise<(opts: O, deps: Deps, ...args: string[]) => Promise<void>>) =>
    async (...args: unknown[]) => {
      const cmd = args[args.length - 1] as Command;
      const positional = args.slice(0, -2) as string[];
      // Load the command's code and build the deps at once: each is a chain of file reads.
      const [handler, deps] = await Promise.all([load(), makeDeps(cmd.optsWithGlobals() as GlobalOptions)]);
      await handler(cmd.opts() as O, deps, ...positional);
    };

  example(
    program
      .command('start')
      .description('walk through a spasm step by step: safety check, rest, breathing, cold or heat, gentle movements, getting up')
      .option('--onset <when>', 'when the spasm began (new episode); default now')
      .option('--pain <0-10>', 'pain now, 0 (none) to 10 (worst)')
      .option('--red-flags <answers>', 'answer the safety screen: none, or the ids that apply, comma-separated (listed below)')
      .addOption(new Option('--therapy <kind>', 'cold, heat or alternate for this session'))
      .option('--new', 'start a new episode even if one is ongoing')
      .option('--trigger <text>', 'what set it off (repeatable), answering the question at the end', collect)
      .option('--legs <spread>', 'how far pain spreads down the leg: none, buttock, thigh, below-knee')
      .option('--hands-free', 'no key presses: steps advance by themselves, with a bell')
      .option('--voice', 'speak the steps, the breathing cues and the end of each timer')
      .option('--no-voice', 'do not speak (when spasm config set voice on)')
      .action(run(async () => (await import('./commands/start.js')).start)),
    'spasm start',
    'spasm start --pain 6 --red-flags none --hands-free',
  ).addHelpText('after', RED_FLAG_HELP);

  example(
    program
      .command('status')
      .description('where the ongoing episode stands and when the next cold or heat session is due')
      .option('--json', 'print JSON')
      .action(run(async () => (await import('./commands/status.js')).status)),
    'spasm status',
    'spasm status --json',
  );

  example(
    program
      .command('checkin')
      .description('a quick diary entry for the ongoing episode: pain, activities, medicines, sleep, work')
      .option('--pain <0-10>', 'pain now (required without a terminal)')
      .option('--activity <name=0-10>', 'rate an activity, 0 = unable to 10 = as before (repeatable; up to 3 per episode)', collect)
      .option('--medicine <text>', 'a medicine taken since the last check-in (repeatable)', collect)
      .option('--slept-badly', 'sleep was disturbed last night')
      .option('--missed-work', 'work or usual activity was missed today')
      .option('--note <text>', 'free text, up to 10,000 characters')
      .option('--at <when>', 'when; default now')
      .option('--settled', 'the spasm is over: end the episode')
      .option('--json', 'print the stored check-in as JSON')
      .action(run(async () => (await import('./commands/checkin.js')).checkin)),
    'spasm checkin',
    'spasm checkin --pain 3 --activity "walking=6" --medicine "ibuprofen 400 mg" --slept-badly',
  );

  const log = example(
    program.command('log').description('record episodes after the fact, and list, show, edit, end or delete them'),
    'spasm log --onset "2d ago" --pain 7 --lasted 3d --trigger lifting',
    'spasm log list --since 2026-01-01',
  );
  example(
    episodeFlags(log.command('add', { isDefault: true }).description('record an episode (the default)'), true).action(
      run(async () => (await import('./commands/log.js')).logAdd),
    ),
    'spasm log add --onset yesterday --pain 6 --ongoing',
  );
  example(
    log
      .command('list')
      .description('list episodes, newest first')
      .option('--since <when>', 'only episodes since then')
      .option('--json', 'print JSON, oldest first')
      .action(run(async () => (await import('./commands/log.js')).logList)),
    'spasm log list --since "4w ago"',
  );
  example(
    log
      .command('show')
      .description('show one episode in full')
      .argument('<id>', 'episode id, or a unique start of it')
      .option('--json', 'print JSON')
      .action(run(async () => (await import('./commands/log.js')).logShow)),
    'spasm log show e7k2q',
  );
  example(
    episodeFlags(log.command('edit').description('change fields of an episode (only those given)').argument('<id>', 'episode id'), false).action(
      run(async () => (await import('./commands/log.js')).logEdit),
    ),
    'spasm log edit e7k2q --pain 8 --note "worse after driving"',
  );
  example(
    log
      .command('end')
      .description('mark an episode resolved (default: the ongoing one, now)')
      .argument('[id]', 'episode id')
      .option('--at <when>', 'when it ended; default now')
      .option('--pain <0-10>', 'pain at the end')
      .action(run(async () => (await import('./commands/log.js')).logEnd)),
    'spasm log end --at "2h ago" --pain 1',
  );
  example(
    log
      .command('delete')
      .description('delete an episode')
      .argument('<id>', 'episode id')
      .option('--yes', 'do not ask to confirm')
      .action(run(async () => (await import('./commands/log.js')).logDelete)),
    'spasm log delete e7k2q --yes',
  );

  example(
    program
      .command('report')
      .description('a summary of your history to bring to a physical-therapy visit')
      .option('--since <when>', 'start of the period; default 365 days before --until')
      .option('--until <when>', 'end of the period; default now')
      .option('--format <format>', 'text, markdown, html, json or csv', 'text')
      .option('--output <file>', 'write to a file instead of standard output')
      .option('--force', 'overwrite the --output file if it exists')
      .action(run(async () => (await import('./commands/report.js')).report)),
    'spasm report',
    'spasm report --format html --output back-report.html',
  );

  const routine = example(
    program
      .command('routine')
      .description('do the daily home exercises that help prevent the next spasm')
      .option('--hands-free', 'no key presses: exercises advance by themselves, with a bell')
      .option('--pain-before <0-10>', 'pain before the session')
      .option('--pain-after <0-10>', 'pain after the session')
      .option('--program <file>', "a therapist's program file instead of the default")
      .option('--voice', 'speak each exercise, the start of each hold and the breathing cues')
      .option('--no-voice', 'do not speak (when spasm config set voice on)')
      .action(run(async () => (await import('./commands/routine.js')).routine)),
    'spasm routine',
    'spasm routine --hands-free --pain-before 2 --pain-after 1',
  );
  example(
    routine
      .command('log')
      .description('list past exercise sessions')
      .option('--json', 'print JSON')
      .action(run(async () => (await import('./commands/routine.js')).routineLog)),
    'spasm routine log --json',
  );

  const exercises = example(
    program
      .command('exercises')
      .description('list the stretch library')
      .option('--json', 'print JSON')
      .action(run(async () => (await import('./commands/exercises.js')).exercisesList)),
    'spasm exercises',
  );
  example(
    exercises
      .command('show')
      .description('print one exercise in full')
      .argument('<id>', 'exercise id')
      .option('--json', 'print JSON')
      .action(run(async () => (await import('./commands/exercises.js')).exercisesShow)),
    'spasm exercises show pelvic-tilt',
  );

  example(
    program
      .command('timer')
      .description('a standalone countdown: cold, heat (20 min) or breathe (3 min)')
      .argument('<kind>', 'cold, heat or breathe')
      .option('--minutes <n>', 'how long; cold and heat default 20, breathe 3')
      .option('--pace <pace>', 'breathe only: slow (the default, a longer breath out), box, or shorter if slow feels hard')
      .option('--stay', 'cold and heat: afterwards wait for the next session, ring, and offer it')
      .option('--sessions <n>', 'with --stay: stop after n sessions in all')
      .option('--hands-free', 'no key presses: with --stay the next session starts by itself')
      .option('--voice', 'speak the cues and the end of the timer')
      .option('--no-voice', 'do not speak (when spasm config set voice on)')
      .action(run(async () => (await import('./commands/timer.js')).timer)),
    'spasm timer cold',
    'spasm timer heat --stay',
    'spasm timer breathe --minutes 5',
    'spasm timer breathe --pace box',
  );

  example(
    program
      .command('export')
      .description('write the whole store as one JSON document')
      .option('--output <file>', 'write to a file instead of standard output')
      .option('--force', 'overwrite the --output file if it exists')
      .action(run(async () => (await import('./commands/transfer.js')).exportStore)),
    'spasm export --output spasm-backup.json',
  );
  example(
    program
      .command('import')
      .description('merge an export into the store (records already present are skipped)')
      .argument('<file>', 'a file written by spasm export')
      .action(run(async () => (await import('./commands/transfer.js')).importStore)),
    'spasm import spasm-backup.json',
  );

  const keys = 'program, name, notify (on/off), voice (on/off), therapy (cold/heat/alternate)';
  const config = example(program.command('config').description('settings'), 'spasm config set name "Sam Jones"', 'spasm config set program ./my-program.json');
  example(
    config
      .command('set')
      .description(`set a setting: ${keys}`)
      .argument('<key>', 'program, name, notify, voice or therapy')
      .argument('<value>', 'the value')
      .action(run(async () => (await import('./commands/config.js')).configSet)),
    'spasm config set program ./my-program.json',
    'spasm config set therapy heat',
  );
  example(
    config
      .command('get')
      .description('print a setting')
      .argument('[key]', 'program, name, notify, voice or therapy; all settings when left out')
      .action(run(async () => (await import('./commands/config.js')).configGet)),
    'spasm config get program',
  );
  example(
    config
      .command('list')
      .description('print every setting')
      .option('--json', 'print JSON')
      .action(run(async () => (await import('./commands/config.js')).configList)),
    'spasm config list --json',
  );
  example(
    config
      .command('unset')
      .description('remove a setting')
      .argument('<key>', 'program, name, notify, voice or therapy')
      .action(run(async () => (await import('./commands/config.js')).configUnset)),
    'spasm config unset program',
  );

  program.addHelpText(
    'after',
    `
Examples:
  $ spasm start                       when a spasm hits: step-by-step first aid
  $ spasm status                      where the current episode stands
  $ spasm timer heat                  a 20-minute heat session with a countdown
  $ spasm log --onset "3d ago" --pain 7 --lasted 2d
  $ spasm routine                     today's home exercises
  $ spasm report --format html --output report.html

If you have new trouble controlling your bladder or bowels, numbness around
your genitals or bottom, or weakness in both legs: call emergency services now.
`,
  );
  return applyRules(program);
}
