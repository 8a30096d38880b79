// Same input, same bytes out: the engine in Chromium and in Node give identical
// results for validation, messages and rendering (tests/shared/parity-cases.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as api from 'blog-reader-wasm';
import { PARITY_CASES, runParityCases } from '../shared/parity-cases.js';
import { useDemoAndBrowser } from './harness.js';

const demo = useDemoAndBrowser();

test('validateComment, validateField, formMessages and renderMarkdown agree byte for byte in Node and Chromium', async () => {
  await api.init();
  const inNode = runParityCases(api);
  const page = await demo.browser.newPage();
  await page.goto(demo.server.url); // the demo page: the engine is imported again below, as any page would
  const source = await readFile(new URL('../shared/parity-cases.js', import.meta.url), 'utf8');
  const inBrowser = await page.evaluate(async (moduleSource) => {
    const engine = await import('/dist/index.js');
    await engine.init();
    const cases = await import(`data:text/javascript;charset=utf-8,${encodeURIComponent(moduleSource)}`);
    return cases.runParityCases(engine);
  }, source);
  assert.equal(inBrowser.length, PARITY_CASES.length);
  for (let i = 0; i < PARITY_CASES.length; i++) {
    assert.equal(inBrowser[i], inNode[i], `case ${i} (${PARITY_CASES[i][0]}) differs`);
  }
  assert.deepEqual(page.errors, []);
});

test('language choice in a page: explicit option, then the element\'s lang, then the document\'s, then the browser\'s', async () => {
  const page = await demo.browser.newPage();
  await page.goto(demo.server.url); // <html lang="nl">
  const chosen = await page.evaluate(async () => {
    const engine = await import('/dist/index.js');
    await engine.init();
    const section = document.createElement('section');
    section.lang = 'fr-CA';
    const input = document.createElement('input');
    section.append(input);
    document.body.append(section);
    const locale = (options) => engine.validateField('author', '', options).locale;
    const results = {
      explicit: locale({ locale: 'de', element: input }),
      element: locale({ element: input }),
      document: locale({}),
    };
    document.documentElement.removeAttribute('lang');
    // A reader whose browser prefers Austrian German, then Dutch.
    Object.defineProperty(navigator, 'languages', { get: () => ['de-AT', 'nl'], configurable: true });
    results.browser = locale({});
    Object.defineProperty(navigator, 'languages', { get: () => ['ja', 'ko'], configurable: true });
    results.fallback = locale({});
    return results;
  });
  assert.deepEqual(chosen, { explicit: 'de', element: 'fr', document: 'nl', browser: 'de', fallback: 'en' });
  await page.close();
});
