// Starts the demo server on a free port and Debian's Chromium (scripts/chromium.mjs).
import { spawn } from 'node:child_process';
import { before, after } from 'node:test';
import { launchBrowser } from '../../scripts/chromium.mjs';

export async function startDemoServer() {
  const child = spawn(process.execPath, [new URL('../../web/demo/server.mjs', import.meta.url).pathname], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`demo server did not start: ${seen}`)), 15000);
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const match = seen.match(/http:\/\/[\d.]+:\d+\//);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.on('exit', (code) => reject(new Error(`demo server exited with ${code}: ${seen}`)));
  });
  return { url, close: () => child.kill() };
}

/**
 * For a test file: starts the demo server and Chromium before its tests and
 * stops both after them. The returned object gets `server` and `browser`.
 */
export function useDemoAndBrowser() {
  const fixture = { server: null, browser: null };
  before(async () => {
    fixture.server = await startDemoServer();
    fixture.browser = await launchBrowser();
  });
  after(async () => {
    await fixture.browser?.close();
    fixture.server?.close();
  });
  return fixture;
}
