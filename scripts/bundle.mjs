// Bundles the JS API into dist/ with esbuild: one minified ES module next to the
// .wasm it loads, plus the hand-written type declarations and message catalogs.
import { build } from 'esbuild';
import { copyFile, mkdir, readdir } from 'node:fs/promises';

const root = new URL('../', import.meta.url);
await mkdir(new URL('dist/messages/', root), { recursive: true });
await build({
  entryPoints: [new URL('web/src/index.js', root).pathname],
  outfile: new URL('dist/index.js', root).pathname,
  bundle: true,
  format: 'esm',
  minify: true,
  target: ['es2022'],
  legalComments: 'none',
  logLevel: 'warning',
});
await copyFile(new URL('web/src/index.d.ts', root), new URL('dist/index.d.ts', root));
for (const name of await readdir(new URL('wasm/comments/messages/', root))) {
  if (name.endsWith('.json')) await copyFile(new URL(`wasm/comments/messages/${name}`, root), new URL(`dist/messages/${name}`, root));
}
