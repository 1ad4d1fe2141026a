// The front page of the panel offers the audit trail only to those the database lets read it
// (grants officers and the scrutiny committee), and setting up funds only to officers.
import { expect, test } from './support.ts';
import { signIn } from './support-panel.ts';

const cases = [
  { email: 'officer@example.org', audit: true, setup: true },
  { email: 'scrutiny@example.org', audit: true, setup: false },
  { email: 'member@example.org', audit: false, setup: false },
  { email: 'chair@example.org', audit: false, setup: false },
  { email: 'councillor@example.org', audit: false, setup: false },
];

for (const { email, audit, setup } of cases) {
  test(`${email} ${audit ? 'sees' : 'does not see'} the audit trail link`, async ({ page }) => {
    await signIn(page, email);
    // aria-busy turns false once both the rounds and the person's powers are known.
    await expect(page.getByTestId('my-rounds')).toHaveAttribute('aria-busy', 'false');
    await expect(page.getByRole('link', { name: 'Audit trail' })).toHaveCount(audit ? 1 : 0);
    await expect(page.getByRole('link', { name: 'Create a fund or a round' })).toHaveCount(setup ? 1 : 0);
  });
}
