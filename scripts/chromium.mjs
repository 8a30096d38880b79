// Debian's Chromium through playwright-core (never a downloaded browser), with
// the flags it needs as root in a container, in a fresh profile. Shared by the
// browser tests (tests/browser/harness.js) and the browser benchmark
// (bench/browser.mjs). CHROMIUM=/path overrides the executable.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/**
 * Starts headless Chromium in a fresh --user-data-dir.
 * @returns {Promise<{ context: import('playwright-core').BrowserContext,
 *   newPage(): Promise<import('playwright-core').Page & { errors: string[] }>, close(): Promise<void> }>}
 *   newPage() collects the page's uncaught errors and console errors in `page.errors`.
 */
export async function launchBrowser() {
  const profile = await mkdtemp(join(tmpdir(), 'blog-reader-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async newPage() {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      page.errors = errors;
      return page;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
