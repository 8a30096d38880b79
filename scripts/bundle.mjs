// Bundles the JS API into dist/ with esbuild: minified ES modules next to the
// .wasm files they load, plus the hand-written type declarations and message catalogs.
//   dist/index.js     the package root: Markdown and comments
//   dist/markdown.js  'blog-reader-wasm/markdown': the Markdown engine alone (a page
//                     without a comment form loads less)
//   dist/chunk-*.js   the code both share (one engine instance for both entries); beside
//                     the .wasm files, which it finds relative to its own URL
import { build } from 'esbuild';
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';

const root = new URL('../', import.meta.url);
await mkdir(new URL('dist/messages/', root), { recursive: true });
// No stale hashed chunks from earlier builds.
for (const name of await readdir(new URL('dist/', root)).catch(() => [])) {
  if (/^chunk-.*\.js$/.test(name)) await rm(new URL(`dist/${name}`, root));
}
await build({
  entryPoints: [new URL('web/src/index.js', root).pathname, new URL('web/src/markdown.js', root).pathname],
  outdir: new URL('dist/', root).pathname,
  splitting: true,
  chunkNames: '[name]-[hash]',
  bundle: true,
  format: 'esm',
  minify: true,
  target: ['es2022'],
  legalComments: 'none',
  logLevel: 'warning',
});
await copyFile(new URL('web/src/index.d.ts', root), new URL('dist/index.d.ts', root));
await copyFile(new URL('web/src/markdown.d.ts', root), new URL('dist/markdown.d.ts', root));
for (const name of await readdir(new URL('wasm/comments/messages/', root))) {
  if (name.endsWith('.json')) await copyFile(new URL(`wasm/comments/messages/${name}`, root), new URL(`dist/messages/${name}`, root));
}
