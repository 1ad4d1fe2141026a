import { defineConfig } from '@playwright/test';

// Browser tests run in Debian's Chromium (CHROMIUM_PATH overrides it, e.g. on a laptop).
// The web server is `npm start` on its own ports and its own fresh data folder, so a copy of the
// site you are running yourself is never touched. E2E_PORT and E2E_API_PORT move them, so two
// checkouts can run their browser tests side by side.
export const sitePort = Number(process.env.E2E_PORT ?? 4322);
export const apiPort = Number(process.env.E2E_API_PORT ?? 54322);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://localhost:${sitePort}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `rm -rf .data-e2e-${sitePort} && node --disable-warning=ExperimentalWarning scripts/start.ts`,
    url: `http://localhost:${sitePort}/`,
    env: {
      DATA_DIR: `.data-e2e-${sitePort}`,
      PORT: String(sitePort),
      SUPABASE_PORT: String(apiPort),
      PUBLIC_SUPABASE_URL: '',
      PUBLIC_SUPABASE_ANON_KEY: '',
    },
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
