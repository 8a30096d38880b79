// CommonMark 0.31.2 conformance of the WebAssembly build, with the one documented
// option set for plain CommonMark output (UNSAFE_COMMONMARK_OPTIONS), no special
// cases. md4c 0.4.8 alone (and md4c-html) passes 648 of 652 after
// normalization: it predates four spec 0.31 changes, which
// cmake/md4c_rewrite.cmake (rewrite 7) makes: <textarea> starts an HTML block of
// type 1 (example 171); Unicode symbols (S*: £ €) count as punctuation for
// emphasis (354); HTML comments may hold "--", and <!--> and <!---> are
// comments (625, 626). So every example must pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { ready, renderMarkdown, UNSAFE_COMMONMARK_OPTIONS } from './helpers/engine.js';
import { normalizeHtml } from './helpers/normalize-html.js';

// The spec writes tabs as '→' for readability; its own runner (test/spec_tests.py)
// turns them back into tabs before testing, and so does this one.
const examples = createRequire(import.meta.url)('commonmark-spec').tests.map((example) => ({
  ...example,
  markdown: example.markdown.replaceAll('→', '\t'),
  html: example.html.replaceAll('→', '\t'),
}));
const REQUIRED_PASSES = 652;

test(`CommonMark spec 0.31.2: at least ${REQUIRED_PASSES} of ${examples.length} examples`, async () => {
  await ready;
  const failures = [];
  for (const example of examples) {
    const { html } = renderMarkdown(example.markdown, UNSAFE_COMMONMARK_OPTIONS);
    if (normalizeHtml(html) !== normalizeHtml(example.html)) failures.push(example);
  }
  const passed = examples.length - failures.length;
  console.log(`CommonMark conformance: ${passed}/${examples.length} examples pass`);
  for (const f of failures) {
    console.log(`  miss: example ${f.number} (${f.section})\n    input:    ${JSON.stringify(f.markdown)}\n    expected: ${JSON.stringify(f.html)}\n    got:      ${JSON.stringify(renderMarkdown(f.markdown, UNSAFE_COMMONMARK_OPTIONS).html)}`);
  }
  assert.ok(passed >= REQUIRED_PASSES, `only ${passed} of ${examples.length} CommonMark examples pass`);
});
