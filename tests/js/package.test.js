// Publish only what was built and tested: pack the package, install the tarball
// into a fresh project, and use it there the way an npm consumer does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('the packed tarball installs into a fresh project and works there', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'blog-reader-pack-'));
  try {
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8' }));
    const files = packed[0].files.map((f) => f.path).sort();
    for (const file of ['dist/index.js', 'dist/index.d.ts', 'dist/markdown.js', 'dist/markdown.d.ts',
      'dist/blog-reader.wasm', 'dist/blog-reader-comments.wasm']) {
      assert.ok(files.includes(file), `${file} is published`);
    }
    assert.deepEqual(files.filter((f) => !/^(dist\/|package\.json$|README\.md$|LICENSE)/.test(f)), [], 'nothing but dist/ and metadata is published');

    const project = join(dir, 'consumer');
    execFileSync('mkdir', ['-p', project]);
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module', private: true }));
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', join(dir, packed[0].filename)], { cwd: project });
    await writeFile(join(project, 'use.js'), `
      import { init, renderMarkdown, validateComment } from 'blog-reader-wasm';
      import { createRequire } from 'node:module';
      await init();
      const wasmPath = createRequire(import.meta.url).resolve('blog-reader-wasm/blog-reader.wasm');
      const r = renderMarkdown('# Hallo\\n\\n*wereld*');
      const v = validateComment({ author: 'An', email: 'an@example.nl', content: 'Mooi stuk!' }, { locale: 'nl', elapsedSeconds: 30 });
      console.log(JSON.stringify({ html: r.html, valid: v.valid, verdict: v.moderation.verdict, wasmPath }));
    `);
    // A page without a comment form skips the validator, and is told clearly if it uses it anyway.
    await writeFile(join(project, 'article-only.js'), `
      import { init, renderMarkdown, validateField } from 'blog-reader-wasm';
      await init({ comments: false });
      const html = renderMarkdown('*ok*').html;
      let error = '';
      try { validateField('email', 'x'); } catch (e) { error = e.message; }
      await init();  // a later init() loads only what is missing
      console.log(JSON.stringify({ html, error, later: validateField('email', 'an@example.nl').valid }));
    `);
    // The Markdown-only entry point: a smaller loader for pages without a form.
    // It shares one engine with the package root, so the two can be mixed.
    await writeFile(join(project, 'markdown-entry.js'), `
      import * as md from 'blog-reader-wasm/markdown';
      import { renderMarkdown, validateComment } from 'blog-reader-wasm';
      let unknown = '';
      try { md.init({ comments: false }); } catch (e) { unknown = e.message; }
      await md.init();
      let error = '';
      try { validateComment({ content: 'x' }); } catch (e) { error = e.message; }
      console.log(JSON.stringify({ own: md.renderMarkdown('*a*').html, root: renderMarkdown('*b*').html,
        same: md.renderMarkdown === renderMarkdown, exports: Object.keys(md).sort(), unknown, error }));
    `);
    const entry = JSON.parse(execFileSync('node', ['markdown-entry.js'], { cwd: project, encoding: 'utf8' }));
    assert.equal(entry.own, '<p><em>a</em></p>\n');
    assert.equal(entry.root, '<p><em>b</em></p>\n', 'init() of one entry serves the other');
    assert.equal(entry.same, true);
    assert.deepEqual(entry.exports, ['BlogReaderError', 'RENDER_FLAGS', 'STATUS', 'UNSAFE_COMMONMARK_OPTIONS', 'init', 'renderMarkdown']);
    assert.match(entry.unknown, /unknown option "comments"/);
    assert.match(entry.error, /comment validator is not loaded/);
    const articleOnly = JSON.parse(execFileSync('node', ['article-only.js'], { cwd: project, encoding: 'utf8' }));
    assert.equal(articleOnly.html, '<p><em>ok</em></p>\n');
    assert.match(articleOnly.error, /comment validator is not loaded/);
    assert.equal(articleOnly.later, true);
    const out = JSON.parse(execFileSync('node', ['use.js'], { cwd: project, encoding: 'utf8' }));
    assert.equal(out.html, '<h1 id="hallo">Hallo</h1>\n<p><em>wereld</em></p>\n');
    assert.equal(out.valid, true);
    assert.equal(out.verdict, 'accept');
    assert.match(out.wasmPath, /node_modules\/blog-reader-wasm\/dist\/blog-reader\.wasm$/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
