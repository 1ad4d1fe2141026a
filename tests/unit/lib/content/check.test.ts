// Bad content must stop the build with a message an editor can act on: which file, which
// field, what is wrong. The fixture in tests/fixtures/bad-content has one of each mistake, and
// the last tests run the real build (npm run build, and astro build alone) on bad content.
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkContent, longEasyReadSentences } from '../../../../src/lib/content/check.ts';

const BAD = 'tests/fixtures/bad-content';

describe('checkContent on bad content', () => {
  const problems = checkContent(BAD);
  const about = (file: string) => problems.filter((p) => p.file.endsWith(file)).map((p) => `${p.field}: ${p.message}`);

  it('names a missing field', () => {
    expect(about('projects/wrong-stage.md')).toContain('summary: the summary is missing: add it');
  });

  it('lists the allowed values when a value is not one of them', () => {
    expect(about('projects/wrong-stage.md')).toContain(
      'stage: the stage must be one of: idea, planning, co-designing, delivering, reviewing, on-hold, complete',
    );
  });

  it('refuses an update dated in the future, naming the list item', () => {
    expect(about('projects/wrong-stage.md')).toContain(
      'updates.0.date: the update date is in the future: only today or earlier is allowed',
    );
  });

  it('keeps "You said" for what people said, not what the council did', () => {
    expect(about('projects/we-in-you-said.md')).toEqual([
      'updates.0.youSaid: "You said" is for what people told us; what we (the council) did goes in "weDid" or "text"',
    ]);
  });

  it('refuses two updates of one project in the same month with the same title', () => {
    expect(about('projects/same-update-twice.md')).toEqual([
      'updates.1.title: another update in July 2019 has the same title: give each update its own title',
    ]);
  });

  it('wants a glossary meaning in one sentence', () => {
    expect(about('glossary/two-sentences.md')).toEqual(['meaning: the meaning must be one sentence ending with a full stop']);
  });

  it('wants every part of a case study: what people said and related projects', () => {
    expect(about('case-studies/empty-parts.md')).toEqual([
      'whatPeopleSaid: whatPeopleSaid is empty: add at least one thing people said, with who said it (a group, like "a carer on the board")',
      'relatedProjects: relatedProjects is empty: add the file name of at least one project, like [grants-panels]',
    ]);
  });

  it("wants a case study's text to say what the problem was and what changed", () => {
    // "## The problem" is there but empty; "## What changed" is missing.
    expect(about('case-studies/no-sections.md')).toEqual([
      '(text): add a section headed "## The problem" with at least one sentence under it',
      '(text): add a section headed "## What changed" with at least one sentence under it',
    ]);
  });

  it('catches a link to a project that does not exist', () => {
    expect(about('case-studies/missing-project.md')).toEqual([
      'relatedProjects: there is no project called "no-such-project" in projects/',
    ]);
  });

  it('checks easy-read pages: sentence length, icon names and the link to the standard version', () => {
    const found = about('pages/easy-read/long.md');
    expect(found).toContain('standardVersion: there is no page called "missing-page" in pages/');
    expect(found).toContain('(text): the easy-read icon "[peple]" does not exist');
    expect(found.some((m) => m.startsWith('(text): this easy-read sentence is longer than 15 words'))).toBe(true);
  });

  it('wants every easy-read page to name its standard version, so readers can go back', () => {
    expect(about('pages/easy-read/no-standard.md')).toEqual([
      'standardVersion: an easy-read page needs standardVersion: the web name of its standard page, like "what-is-co-production" (or "home", "festival")',
    ]);
  });
});

describe('longEasyReadSentences', () => {
  it('counts words per sentence, not per point, and ignores link addresses', () => {
    expect(longEasyReadSentences('- [people] We meet every month. You can come too.')).toEqual([]);
    expect(longEasyReadSentences('- [book] Read [the full page about the festival](/festival/2027-festival/) here.')).toEqual([]);
    expect(
      longEasyReadSentences('- [people] one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen.'),
    ).toHaveLength(1);
  });
});

describe('the site content', () => {
  it('has no problems', () => {
    expect(checkContent('src/content')).toEqual([]);
  });
});

describe('the build', () => {
  const npm = (env: NodeJS.ProcessEnv) =>
    spawnSync('npm', ['run', 'build', '--silent'], {
      env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
      timeout: 240_000,
    });

  it('`npm run build` stops before Astro, naming every bad file, its field and what is wrong', () => {
    const result = npm({ CONTENT_DIR: BAD });
    // Astro colours its messages when the terminal allows it (CI did): compare the plain text.
    const output = stripVTControlCharacters(result.stdout + result.stderr);
    expect(result.status).not.toBe(0);
    expect(output).toContain('tests/fixtures/bad-content/projects/wrong-stage.md: stage: the stage must be one of:');
    expect(output).toContain(
      'tests/fixtures/bad-content/festival/no-access.md: access: access needs stepFree, bsl, hearingLoop, quietRoom, toilets, travel and onTheDay',
    );
    expect(output).toContain(
      'tests/fixtures/bad-content/festival/no-access.md: datePrecision: datePrecision must be "day", "month" or "year"',
    );
    expect(output).toContain(
      'tests/fixtures/bad-content/glossary/broken-yaml.md: (frontmatter): the part between the --- lines is not valid YAML (line 3 of the file): Missing closing "quote',
    );
    expect(output).toMatch(/\d+ problem\(s\) to fix\./);
    // Astro never started: its confusing YAML messages name the wrong files.
    expect(output).not.toContain('[content]');
  });

  it('`astro build` on its own also refuses a bad entry, naming the file, the field and the problem', async () => {
    // The site's content plus one bad festival, built into a throwaway folder (dist/ is untouched).
    const work = await mkdtemp(join(tmpdir(), 'wt-bad-build-'));
    try {
      await cp('src/content', join(work, 'content'), { recursive: true });
      await cp(`${BAD}/festival/no-access.md`, join(work, 'content', 'festival', 'no-access.md'));
      const result = spawnSync('npx', ['astro', 'build', '--outDir', join(work, 'dist')], {
        env: { ...process.env, CONTENT_DIR: join(work, 'content'), ASTRO_TELEMETRY_DISABLED: '1' },
        encoding: 'utf8',
        timeout: 240_000,
      });
      const output = stripVTControlCharacters(result.stdout + result.stderr);
      expect(result.status).not.toBe(0);
      expect(output).toContain(join(work, 'content', 'festival', 'no-access.md'));
      expect(output).toContain('access: access needs stepFree, bsl, hearingLoop, quietRoom, toilets, travel and onTheDay');
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
