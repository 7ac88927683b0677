import { defineConfig } from '@playwright/test';

// e2e runs in Debian's Chromium (never a downloaded browser) against `vite preview` of the real build.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Another port lets a second checkout run its e2e beside this one (CKS_E2E_PORT=4180).
const port = Number(process.env.CKS_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: !!process.env.CI,
  retries: 0,
  // CI machines are small and shared: give slow steps (worker start-up, first evaluation) room.
  expect: { timeout: 10_000 },
  workers: 1,
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: chromium,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx vite build --logLevel warn && npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
