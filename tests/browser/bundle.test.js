// The README's bundler recipe, for real: esbuild bundles an app that imports
// the package and its two .wasm files (emitted as assets), into a folder that
// is not the page's, and Chromium runs it from a plain static server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launchBrowser } from '../../scripts/chromium.mjs';
import { readMounted } from '../../scripts/static-files.mjs';

let site;
let server;
let browser;

before(async () => {
  site = await mkdtemp(join(tmpdir(), 'blog-reader-bundle-'));
  // The page is at /, the bundle and the .wasm files under /assets/: a .wasm
  // resolved against the page instead of the bundle would not be found.
  await build({
    entryPoints: [fileURLToPath(new URL('fixtures/bundle-app.js', import.meta.url))],
    outdir: join(site, 'assets'),
    bundle: true,
    format: 'esm',
    minify: true,
    loader: { '.wasm': 'file' },
    logLevel: 'error',
  });
  await writeFile(join(site, 'index.html'),
    '<!doctype html><html lang="nl"><meta charset="utf-8"><link rel="icon" href="data:,"><title>bundle</title><main></main><script type="module" src="/assets/bundle-app.js"></script>');
  server = createServer(async (req, res) => {
    const file = await readMounted([['/', site]], new URL(req.url, 'http://localhost').pathname);
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': file.type });
    res.end(file.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.close();
  await rm(site, { recursive: true, force: true });
});

test('an esbuild bundle following the README loads both modules and renders', async () => {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => document.body.dataset.emailValid || document.body.dataset.error);
  assert.equal(await page.evaluate(() => document.body.dataset.error), undefined);
  assert.equal(await page.evaluate(() => document.querySelector('main').innerHTML),
    '<h1 id="gebundeld">Gebundeld</h1>\n<p>Dit is <em>het</em> artikel.</p>\n');
  assert.equal(await page.evaluate(() => document.body.dataset.emailValid), 'true');
  assert.deepEqual(page.errors, []);
});
