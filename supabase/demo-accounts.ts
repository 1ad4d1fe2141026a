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
  {
    email: 'applicant@example.org',
    password: DEMO_PASSWORD,
    who: 'Amira Haddad of a community group, part way through an application to the Sustainability Fund 2027 to 2028 round (open)',
  },
  { email: 'officer@example.org', password: DEMO_PASSWORD, who: 'a grants officer who runs all three grant rounds' },
  {
    email: 'lead@example.org',
    password: DEMO_PASSWORD,
    who: "a project lead (Adults Strategy, Foster Carers' Review) who writes their monthly updates (supabase/seeds/project-updates.sql)",
  },
  { email: 'scrutiny@example.org', password: DEMO_PASSWORD, who: 'a scrutiny reader of the grants audit trail' },
  {
    email: 'chair@example.org',
    password: DEMO_PASSWORD,
    who: 'the chair of the Innovation Fund panel (scoring) and the Sustainability Fund panel (at panel)',
  },
  { email: 'clerk@example.org', password: DEMO_PASSWORD, who: 'the clerk of all three grant panels (no seat, does not score)' },
  {
    email: 'member@example.org',
    password: DEMO_PASSWORD,
    who: 'a community member of the Innovation Fund panel (scoring), part way through their scoring',
  },
  {
    email: 'member2@example.org',
    password: DEMO_PASSWORD,
    who: 'a community member of the Innovation Fund panel (scoring) who has not started yet',
  },
  {
    email: 'councillor@example.org',
    password: DEMO_PASSWORD,
    who: 'a councillor on the Innovation Fund panel (scoring) who also reviews the Youth Opportunities Fund recommendations (decided)',
  },
];
