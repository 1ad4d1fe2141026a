// Every phase has words for residents, in the phases' own order, and the easy-read page lists
// the same steps in the same order (it is hand-written, so this is what keeps it in step).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PB_PHASES } from '../../../../src/lib/pb/phases.ts';
import { PHASE_WORDS, phaseSteps } from '../../../../src/lib/pb/phase-words.ts';

describe('phase words', () => {
  it('follow the phase list', () => {
    expect(phaseSteps().map((s) => s.phase)).toEqual([...PB_PHASES]);
    for (const phase of PB_PHASES) expect(PHASE_WORDS[phase].text).toMatch(/\.$/);
  });

  it('match the steps on the easy-read page', () => {
    const page = readFileSync('src/content/pages/easy-read/budgeting.md', 'utf8');
    const steps = [...page.matchAll(/^- \[[a-z-]+\] (\d)\. ([^.]+)\./gm)].map((m) => `${m[1]}. ${m[2]}`);
    expect(steps).toEqual(phaseSteps().map((s, i) => `${i + 1}. ${s.name}`));
  });
});
