import { defineConfig } from '@playwright/test';

import { artifacts, officer, officerState } from './e2e/support/system.ts';

/**
 * End-to-end tests of the dashboard against the running system (the gateway serving this build), in the
 * machine's Chromium. `scripts/e2e.sh` at the repository root starts Octroi and runs them; see the dashboard's README.
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: `${artifacts}/results`,
  // One browser at a time: the machine has two cores, and the system under test runs beside it.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env['CI'],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['./e2e/support/summary-reporter.ts']],
  use: {
    baseURL: officer.baseUrl,
    locale: 'fr-FR',
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // Playwright's own browser builds cannot be downloaded here: drive Debian's Chromium.
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--headless',
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
  projects: [
    // Signs in once: the gateway allows 20 sign-ins a minute, and most tests only need to be signed in.
    { name: 'sign-in', testMatch: /officer\.setup\.ts/ },
    { name: 'dashboard', dependencies: ['sign-in'], use: { storageState: officerState } },
  ],
});
