// Signing in as a seeded demo account, for the grants panel journeys.
import type { Page } from '@playwright/test';
import { expect, waitForIslands } from './support.ts';

export async function signIn(page: Page, email: string, next = '/panel/') {
  await page.goto(`/sign-in/?next=${encodeURIComponent(next)}`);
  await waitForIslands(page);
  await page.getByRole('button', { name: 'Sign in with a password instead' }).click();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('working-together-demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[?]/g, '\\?')}$`));
}
