// init(): idempotent, each module once, locations overridable, failures clear
// and contained. Its own file, so that it starts from an engine not yet loaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { init, renderMarkdown, validateField } from 'blog-reader-wasm';

const dist = new URL('../../dist/', import.meta.url);

test('a module that fails to load is named, and the other one is usable at once; a later init() retries', async () => {
  await assert.rejects(init({ commentsWasm: new URL('file:///nonexistent/blog-reader-comments.wasm') }),
    /could not load blog-reader-comments\.wasm: .*ENOENT/);
  assert.equal(renderMarkdown('*ok*').html, '<p><em>ok</em></p>\n');
  assert.throws(() => validateField('email', 'a@b.nl'), /comment validator is not loaded/);
  // The retry takes the module as bytes: any of the documented source kinds works.
  await init({ commentsWasm: await readFile(new URL('blog-reader-comments.wasm', dist)) });
  assert.equal(validateField('email', 'a@b.nl').valid, true);
  await init(); // both loaded: nothing to do
});

test('bad options are refused before anything loads', () => {
  assert.throws(() => init({ wasmPath: 'x' }), /unknown option "wasmPath"/);
  assert.throws(() => init({ comments: 'no' }), /must be true or false/);
  assert.throws(() => init(null), /options must be an object/);
});
