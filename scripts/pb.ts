// Counts a participatory budgeting vote stored as a pabulib .pb file.
//
//   npm run pb -- count tests/unit/lib/pb/fixtures/example.pb
//   npm run pb -- count file.pb --rule greedy
//   npm run pb -- count file.pb --rule equal-shares --completion add1 --no-exhaustive-stop
//   npm run pb -- count file.pb --completion add1u --compare --seed 7 --min-votes 3 --json
//
// Options: --rule equal-shares|greedy (default equal-shares); --completion none|add1|add1u
// (default add1u); --no-exhaustive-stop; --step N (add-one step, default 1 currency unit);
// --compare (also count greedily, keep what more voters prefer); --seed N (random tie-break);
// --min-votes N; --min-share-k K (supporters ÷ voters must be at least cost ÷ (K × budget));
// --json (machine-readable). A file with problems prints them by line and exits with 1; a
// wrong command or option exits with 2. With --json, errors are JSON on stdout too:
// { "ok": false, "error": "...", "problems"?: [...], "usage"?: "..." }.

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { count, parsePb, pbToElection, PbCountError, type CountOptions } from '../src/lib/pb/index.ts';
import { report } from './pb-print.ts';

const USAGE =
  'Usage: npm run pb -- count <file.pb> [--rule equal-shares|greedy] [--completion none|add1|add1u] [--no-exhaustive-stop] [--step N] [--compare] [--seed N] [--min-votes N] [--min-share-k K] [--json]';

// Known before the options are parsed, so that even a malformed command line gets a JSON answer.
const json = process.argv.slice(2).includes('--json');

type Failure = { readonly problems?: readonly string[]; readonly usage?: string };

/** Ends with an error: one JSON object on stdout with --json (machines never parse prose), else text on stderr. */
function stop(code: 1 | 2, error: string, details: Failure = {}): never {
  if (json) {
    console.log(JSON.stringify({ ok: false, error, ...details }, null, 2));
  } else {
    // "X cannot be counted." reads "X cannot be counted:" when its problems follow.
    const problems = details.problems ? `:${details.problems.map((p) => `\n  ${p}`).join('')}` : '';
    console.error(`${details.problems ? error.replace(/\.$/, '') : error}${problems}${details.usage ? `\n${details.usage}` : ''}`);
  }
  process.exit(code);
}

function usage(message: string, problems?: readonly string[]): never {
  stop(2, message, { ...(problems ? { problems } : {}), usage: USAGE });
}

function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) usage(`--${name} needs a number, not '${value}'.`);
  return n;
}

function main(argv: string[]): void {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      allowNegative: true,
      options: {
        rule: { type: 'string' },
        completion: { type: 'string' },
        'exhaustive-stop': { type: 'boolean', default: true },
        step: { type: 'string' },
        compare: { type: 'boolean', default: false },
        seed: { type: 'string' },
        'min-votes': { type: 'string' },
        'min-share-k': { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [command, file, ...rest] = positionals;
  if (command !== 'count' || !file || rest.length > 0)
    usage(command && command !== 'count' ? `Unknown command '${command}'.` : 'Which file should be counted?');

  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    stop(1, `Cannot read the file '${file}'. Check the name and that it exists.`);
  }
  const fail = (problems: readonly string[]) => stop(1, `${file} cannot be counted.`, { problems });
  const read = parsePb(text);
  if (!read.ok) fail(read.problems.map((p) => p.message));
  else {
    const election = pbToElection(read.value);
    if (!election.ok) fail(election.problems);
    else {
      const options: CountOptions = {
        ...(values.rule !== undefined ? { rule: values.rule as CountOptions['rule'] } : {}),
        ...(values.completion !== undefined ? { completion: values.completion as CountOptions['completion'] } : {}),
        exhaustiveStop: values['exhaustive-stop'],
        compareWithGreedy: values.compare,
        ...(values.step !== undefined ? { addOneStep: numberOption(values.step, 'step') } : {}),
        ...(values.seed !== undefined ? { seed: numberOption(values.seed, 'seed') } : {}),
        ...(values['min-votes'] !== undefined ? { minVotes: numberOption(values['min-votes'], 'min-votes') } : {}),
        ...(values['min-share-k'] !== undefined ? { minShareK: numberOption(values['min-share-k'], 'min-share-k') } : {}),
      };
      try {
        const result = count(election.value.instance, election.value.profile, options);
        if (values.json) console.log(JSON.stringify({ ok: true, file, result }, null, 2));
        else console.log(report(read.value.meta, result));
      } catch (error) {
        if (error instanceof PbCountError) usage('These options cannot be used.', error.problems);
        throw error;
      }
    }
  }
}

try {
  main(process.argv.slice(2));
} catch (error) {
  // A bug, not a problem with the file or the options; with --json it must still be JSON.
  if (!json) throw error;
  stop(1, `The count failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
}
