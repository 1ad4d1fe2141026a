import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;

function pb(...args: string[]) {
  const run = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/pb.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

const example = 'tests/unit/lib/pb/fixtures/example.pb';

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'pb-cli-')), name);
  writeFileSync(path, text);
  return path;
}

describe('npm run pb -- count', () => {
  it('prints the winners, the spend and the share per voter in plain English', () => {
    const { code, out } = pb('count', example);
    expect(code).toBe(0);
    expect(out).toContain('Rule: Method of Equal Shares, completed by add-one (with the exhaustive stop), then filled greedily by votes');
    expect(out).toContain(
      '1. p4 – New benches and lighting in the park: £6,000, 7 votes; paid by 7 of its supporters, at most £857.14 each (7 effective votes)',
    );
    expect(out).toContain('Spent: £10,000 · Left over: £0');
    expect(out).toContain('Share per voter: started at £833.33 (exactly 2500/3), raised 167 times by £1 to £1,000.33 (exactly 3001/3).');
  });

  it('counts greedily when asked', () => {
    const { code, out } = pb('count', example, '--rule', 'greedy');
    expect(code).toBe(0);
    expect(out).toContain('Rule: Greedy');
    expect(out).toMatch(/1\. p4 .*\n\s+2\. p1 /);
  });

  it('prints JSON for machines', () => {
    const { code, out } = pb('count', example, '--completion', 'add1', '--no-exhaustive-stop', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.ok).toBe(true);
    expect(json.result.winners).toEqual(['p4', 'p5', 'p3']);
    expect(json.result.completion).toMatchObject({ method: 'add1', exhaustiveStop: false, addOneSteps: 690 });
  });

  it('says in plain English when the comparison keeps the greedy outcome', () => {
    // Greedy funds p4 and p1; 6 voters prefer that, 5 prefer the Equal Shares outcome.
    const { code, out } = pb('count', example, '--compare');
    expect(code).toBe(0);
    expect(out).toContain(
      'Rule: Method of Equal Shares, completed by add-one (with the exhaustive stop), then filled greedily by votes, compared with greedy',
    );
    expect(out).toContain(
      "More voters preferred the greedy outcome (6 voters against 5), so it is used: the projects below are greedy's choice.",
    );
    expect(out).toContain('Equal Shares would have funded p4, p5, p3 with a share of £1,000.33 per voter.');
    expect(out).toContain('1. p4 – New benches and lighting in the park: £6,000, 7 votes; chosen by greedy');
    expect(out).toContain('Budget per voter: £833.33 (exactly 2500/3).');
    expect(out).not.toContain('Share per voter');
    const json = JSON.parse(pb('count', example, '--compare', '--json').out);
    expect(json.result).toMatchObject({ rule: 'equal-shares', outcome: 'greedy', winners: ['p4', 'p1'], comparison: { chosen: 'greedy' } });
    expect(json.result.voterDetails).toBeUndefined();
  });

  it('says when a tie in the comparison keeps Equal Shares', () => {
    // The tie of comparison.test.ts: v1 prefers greedy (C, B), v2 Equal Shares (C, A).
    const file = tempFile(
      'tie.pb',
      'META\nkey;value\ndescription;Tie\ncountry;UK\nunit;Test\ninstance;1\nnum_projects;3\nnum_votes;2\nbudget;100\nvote_type;approval\nrule;equalshares\n' +
        'PROJECTS\nproject_id;cost\nA;50\nB;40\nC;30\nVOTES\nvoter_id;vote\nv1;B,C\nv2;A\n',
    );
    const { code, out } = pb('count', file, '--completion', 'none', '--compare');
    expect(code).toBe(0);
    expect(out).toContain(
      'Compared with greedy, which would have funded C, B: as many voters preferred each outcome (1 each), so the Equal Shares outcome, the method chosen, is kept.',
    );
    expect(out).toMatch(/1\. C: 30, 1 votes; paid by 1 of its supporters.*\n\s+2\. A: /);
  });

  it('lists the problems of a bad file by line and exits with 1', () => {
    const bad = tempFile('bad.pb', 'META\nkey;value\nbudget;1,5\nPROJECTS\nproject_id;cost\nVOTES\nvoter_id;vote\n');
    const { code, err } = pb('count', bad);
    expect(code).toBe(1);
    expect(err).toContain("Line 3, field 'budget': '1,5' uses a comma as the decimal point; use a dot, like 1.5.");
    expect(err).toContain("Line 1: META is missing 'description'");
  });

  it('explains how to use it when the command is wrong', () => {
    const { code, err } = pb('tally', example);
    expect(code).toBe(2);
    expect(err).toContain("Unknown command 'tally'.");
    expect(pb('count', example, '--completion', 'sometimes').err).toContain(
      "The completion must be 'none', 'add1' or 'add1u', not 'sometimes'.",
    );
    expect(pb('count', 'no-such-file.pb').code).toBe(1);
  });

  it('answers in JSON, errors included, when asked for JSON', () => {
    // Each error is one JSON object on stdout, nothing on stderr, and a non-zero exit code.
    const cases: Array<[string[], number, string]> = [
      [['count', example, '--completion', 'sometimes'], 2, 'These options cannot be used.'],
      [['count', example, '--seed', 'x'], 2, "--seed needs a number, not 'x'."],
      [['count', example, '--bogus'], 2, "Unknown option '--bogus'"],
      [['tally', example], 2, "Unknown command 'tally'."],
      [['count'], 2, 'Which file should be counted?'],
      [['count', 'no-such-file.pb'], 1, "Cannot read the file 'no-such-file.pb'. Check the name and that it exists."],
    ];
    for (const [args, exit, error] of cases) {
      const { code, out, err } = pb(...args, '--json');
      expect(code, args.join(' ')).toBe(exit);
      expect(err, args.join(' ')).toBe('');
      const json = JSON.parse(out);
      expect(json.ok).toBe(false);
      expect(json.error).toContain(error);
    }
    const bad = JSON.parse(pb('count', example, '--completion', 'sometimes', '--json').out);
    expect(bad.problems).toEqual(["The completion must be 'none', 'add1' or 'add1u', not 'sometimes'."]);
  });

  it('answers a bad file in JSON with its problems', () => {
    const bad = tempFile('bad.pb', 'META\nkey;value\nbudget;1,5\nPROJECTS\nproject_id;cost\nVOTES\nvoter_id;vote\n');
    const { code, out } = pb('count', bad, '--json');
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(json).toMatchObject({ ok: false, error: `${bad} cannot be counted.` });
    expect(json.problems).toContain("Line 3, field 'budget': '1,5' uses a comma as the decimal point; use a dot, like 1.5.");
  });
});
