// init() with explicit sources: a swapped pair of modules is refused (and can be
// retried), and a path string in Node is a file path from the working
// directory. Its own file, so that it starts from an engine not yet loaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { init, renderMarkdown, validateField } from 'blog-reader-wasm';

const dist = new URL('../../dist/', import.meta.url);

test('regression (review): the two .wasm files swapped are refused by name, and a later init() retries', async () => {
  const error = await init({
    wasm: new URL('blog-reader-comments.wasm', dist),
    commentsWasm: new URL('blog-reader.wasm', dist),
  }).then(() => null, (e) => e);
  assert.match(error?.message ?? '', /could not load blog-reader\.wasm: the module has no br_render_markdown \(another \.wasm\?\)/);
  assert.throws(() => renderMarkdown('x'), /call `await init\(\)` before rendering Markdown/);
  assert.throws(() => validateField('email', 'a@b.nl'), /comment validator is not loaded/);
});

test('a source of the wrong type is refused by name, and the slot can be retried', async () => {
  await assert.rejects(init({ wasm: 123, comments: false }),
    /could not load blog-reader\.wasm: expected a URL, a path, a Response, bytes or a WebAssembly\.Module, got 123/);
  await assert.rejects(init({ wasm: {}, comments: false }), /got an object/);
});

test('in Node a relative path string is resolved from the working directory, as fs resolves it', async () => {
  const saved = process.cwd();
  process.chdir(fileURLToPath(new URL('../', dist)));
  try {
    await init({ wasm: 'dist/blog-reader.wasm', commentsWasm: './dist/blog-reader-comments.wasm' });
  } finally {
    process.chdir(saved);
  }
  assert.equal(renderMarkdown('*ok*').html, '<p><em>ok</em></p>\n');
  assert.equal(validateField('email', 'a@b.nl').valid, true);
});
