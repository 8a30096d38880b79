// The demo page in real Chromium: the seed article rendered by the WASM engine,
// and the comment form checked live with the C++ rules, then again by the server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useDemoAndBrowser } from './harness.js';

const demo = useDemoAndBrowser();

async function openDemo() {
  const page = await demo.browser.newPage();
  await page.goto(demo.server.url);
  await page.waitForSelector('#article[aria-busy="false"]');
  await page.waitForSelector('#comment-form[data-ready="true"]');
  return page;
}

test('the seed article renders from Markdown with its front matter, toc and heading ids', async () => {
  const page = await openDemo();
  const title = await page.textContent('#post-title');
  assert.match(title, /^Samenwerken/);
  assert.equal(await page.getAttribute('#article', 'lang'), 'nl');
  assert.match(await page.textContent('#post-meta'), /Redactie · \d+ maart 2019 · \d+ min leestijd/);
  const headings = await page.$$eval('#post-body h2', (list) => list.map((h) => [h.id, h.textContent]));
  assert.ok(headings.length >= 2);
  assert.deepEqual(headings[0], ['post-samenwerken-als-onderwerp-van-gesprek', 'Samenwerken als onderwerp van gesprek #']);
  const toc = await page.$$eval('#toc a', (links) => links.map((a) => a.getAttribute('href')));
  assert.equal(toc[0], '#post-samenwerken-als-onderwerp-van-gesprek');
  assert.equal(await page.isVisible('#toc'), true);
  assert.equal(await page.$$eval('#post-body script, #post-body [onclick]', (n) => n.length), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the form speaks the page language and tells precisely what is wrong, live', async () => {
  const page = await openDemo();
  assert.equal(await page.textContent('#reply-title'), 'Geef een reactie');
  assert.match(await page.textContent('.form-notes'), /Het e-mailadres wordt niet gepubliceerd\.\s+Vereiste velden zijn gemarkeerd met \*/);
  await page.fill('#email', 'jan@voorbeeld');
  await page.fill('#email', 'jan voorbeeld.nl');
  await page.press('#email', 'Tab');
  const error = await page.textContent('#email-error');
  assert.ok(error.length > 10, `an error message, got "${error}"`);
  assert.equal(await page.getAttribute('#email', 'aria-invalid'), 'true');
  assert.equal(await page.$eval('#email', (input) => input.validationMessage), error);
  // Fixing it clears the message as the reader types (the field was marked invalid).
  await page.fill('#email', 'jan@voorbeeld.nl');
  assert.equal(await page.textContent('#email-error'), '');
  assert.equal(await page.getAttribute('#email', 'aria-invalid'), 'false');
  // Byte limits the browser's maxlength cannot see: 123 × "é" are 246 bytes.
  await page.fill('#author', 'é'.repeat(123));
  await page.press('#author', 'Tab');
  assert.match(await page.textContent('#author-error'), /246/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a draft survives a reload, and a valid comment is accepted by the server', async () => {
  const page = await openDemo();
  await page.fill('#content', 'Dank voor dit **heldere** stuk!');
  await page.fill('#author', 'Jan de Vries');
  await page.fill('#email', 'jan@bücher.de');
  await page.reload();
  await page.waitForSelector('#article[aria-busy="false"]');
  await page.waitForSelector('#comment-form[data-ready="true"]');
  assert.equal(await page.inputValue('#content'), 'Dank voor dit **heldere** stuk!', 'nothing typed is lost');
  assert.equal(await page.inputValue('#author'), 'Jan de Vries');
  // Submitting at once is too fast for a human: the server's too_fast rule needs 3 s.
  await page.waitForTimeout(3100);
  const posted = page.waitForResponse((r) => r.url().endsWith('/api/comments') && r.request().method() === 'POST');
  await page.click('button[type="submit"]');
  const response = await posted;
  assert.equal(response.status(), 200);
  const result = await response.json();
  assert.equal(result.valid, true);
  assert.equal(result.normalized.email, 'jan@xn--bcher-kva.de');
  await page.waitForSelector('#form-status.ok');
  assert.equal(await page.inputValue('#content'), '', 'the accepted comment leaves the form');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('an invalid submission is stopped in the browser and focuses the first wrong field', async () => {
  const page = await openDemo();
  await page.evaluate(() => localStorage.clear());
  await page.fill('#content', '');
  await page.fill('#author', '');
  await page.fill('#email', '');
  let posted = false;
  page.on('request', (r) => { if (r.url().endsWith('/api/comments')) posted = true; });
  await page.click('button[type="submit"]');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'content');
  assert.ok((await page.textContent('#content-error')).length > 0);
  assert.ok((await page.textContent('#author-error')).length > 0);
  assert.equal(posted, false);
  await page.close();
});
