// The README is the contract with a newcomer: keep its commands and demo accounts true.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoAccounts, DEMO_PASSWORD } from '../../supabase/demo-accounts.ts';

const readme = readFileSync('README.md', 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('README', () => {
  it('shows the two commands, and both exist', () => {
    expect(readme).toContain('npm start');
    expect(readme).toContain('npm test');
    expect(pkg.scripts.start).toBeTruthy();
    expect(pkg.scripts.test).toBeTruthy();
  });

  it('lists every demo account and the demo password', () => {
    expect(readme).toContain(DEMO_PASSWORD);
    for (const account of demoAccounts) expect(readme, account.email).toContain(account.email);
  });

  it('describes the Node the project brings, and package.json pins it', () => {
    expect(pkg.devDependencies.node).toMatch(/^24\./);
    expect(readme).toContain('Node 24');
  });

  it('documents every npm run command it names', () => {
    for (const [, name] of readme.matchAll(/npm run ([\w:-]+)/g)) expect(pkg.scripts, name).toHaveProperty(name!);
  });
});
