// CommonMark 0.31.2 conformance of the WebAssembly build, with the one documented
// option set for plain CommonMark output (UNSAFE_COMMONMARK_OPTIONS), no special
// cases. md4c 0.4.8 passes 648 of 652 after normalization, and the test fails
// below that. The four misses are md4c 0.4.8 predating spec 0.31 changes (our
// writer is not involved; md4c-html misses the same four):
//   171  <textarea> starts an HTML block of type 1 only since spec 0.31.
//   354  Unicode symbols (S*, e.g. £ €) count as punctuation for emphasis only
//        since spec 0.31; md4c 0.4.8's table has the P* categories.
//   625, 626  spec 0.31 simplified HTML comments (`--` allowed inside, `<!-->` and
//        `<!--->` are comments); md4c 0.4.8 implements the older rule.
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
const REQUIRED_PASSES = 648;
const KNOWN_MISSES = new Set([171, 354, 625, 626]);

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
    console.log(`  ${KNOWN_MISSES.has(f.number) ? 'known miss (md4c 0.4.8, see above)' : 'NEW MISS'}: example ${f.number} (${f.section})\n    input:    ${JSON.stringify(f.markdown)}\n    expected: ${JSON.stringify(f.html)}\n    got:      ${JSON.stringify(renderMarkdown(f.markdown, UNSAFE_COMMONMARK_OPTIONS).html)}`);
  }
  assert.ok(passed >= REQUIRED_PASSES, `only ${passed} of ${examples.length} CommonMark examples pass`);
});
