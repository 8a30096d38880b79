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
    assert.ok(files.includes('dist/index.js') && files.includes('dist/blog-reader.wasm') && files.includes('dist/index.d.ts'));
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
    const out = JSON.parse(execFileSync('node', ['use.js'], { cwd: project, encoding: 'utf8' }));
    assert.equal(out.html, '<h1 id="hallo">Hallo</h1>\n<p><em>wereld</em></p>\n');
    assert.equal(out.valid, true);
    assert.equal(out.verdict, 'accept');
    assert.match(out.wasmPath, /node_modules\/blog-reader-wasm\/dist\/blog-reader\.wasm$/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
