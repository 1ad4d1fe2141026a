// The demo accounts that supabase/seed.sql creates, for the start-up banner, the README and the
// tests (which sign in with each, so this list and the seed cannot drift apart).
export interface DemoAccount {
  email: string;
  password: string;
  who: string;
}

export const DEMO_PASSWORD = 'working-together-demo';

export const demoAccounts: DemoAccount[] = [
  { email: 'resident@example.org', password: DEMO_PASSWORD, who: 'a resident (no special role)' },
];
