// Data-driven Markdown cases in the CommonMark spec's format (tests/spec/*.md),
// against the built package. Each file is run with one option set (below).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { ready, renderMarkdown, UNSAFE_COMMONMARK_OPTIONS } from './helpers/engine.js';

const FILES = {
  'gfm.md': { ...UNSAFE_COMMONMARK_OPTIONS, gfm: true },
  'article.md': {},
  'comment.md': { profile: 'comment' },
};

const FENCE = '````````````````````````````````';

/** Parses spec-format examples: {section, markdown, html, knownMiss, line}. */
function parseExamples(text) {
  const examples = [];
  const lines = text.split('\n');
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith('# ')) section = lines[i].slice(2);
    if (!lines[i].startsWith(`${FENCE} example`)) continue;
    const knownMiss = lines[i].includes('known-miss');
    const start = i + 1;
    const dot = lines.indexOf('.', start);
    const end = lines.indexOf(FENCE, dot);
    assert.ok(dot > 0 && end > dot, `example at line ${start} is not closed`);
    const join = (from, to) => (to > from ? `${lines.slice(from, to).join('\n')}\n` : '');
    examples.push({ section, markdown: join(start, dot), html: join(dot + 1, end), knownMiss, line: start });
    i = end;
  }
  return examples;
}

for (const [file, options] of Object.entries(FILES)) {
  test(`tests/spec/${file}`, async () => {
    await ready;
    const examples = parseExamples(await readFile(new URL(`../spec/${file}`, import.meta.url), 'utf8'));
    assert.ok(examples.length >= 3, 'found the examples');
    const failures = [];
    for (const example of examples) {
      const { html } = renderMarkdown(example.markdown, options);
      const passed = html === example.html;
      if (passed === example.knownMiss) failures.push({ ...example, got: html });
    }
    for (const f of failures) {
      console.log(`  ${f.knownMiss ? 'known miss now PASSES' : 'FAIL'}: ${file}:${f.line} (${f.section})\n` +
        `    input:    ${JSON.stringify(f.markdown)}\n    expected: ${JSON.stringify(f.html)}\n    got:      ${JSON.stringify(f.got)}`);
    }
    console.log(`${file}: ${examples.length - failures.length}/${examples.length} examples as expected`);
    assert.equal(failures.length, 0, `${failures.length} of ${examples.length} examples in ${file} differ`);
  });
}
