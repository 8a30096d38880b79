// The boundary stays honest: wasm/api.h, wasm/exports.txt, each module's real
// exports and the JS constants must all agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { RENDER_FLAGS, STATUS, ABI_VERSION } from '../../web/src/constants.js';

const root = new URL('../../', import.meta.url);
const header = await readFile(new URL('wasm/api.h', root), 'utf8');
// wasm/exports.txt: [shared] (in every module), then one section per module file.
const sections = {};
let section = null;
for (const line of (await readFile(new URL('wasm/exports.txt', root), 'utf8')).split('\n').map((l) => l.trim())) {
  if (!line || line.startsWith('#')) continue;
  const heading = line.match(/^\[(.+)\]$/);
  if (heading) sections[(section = heading[1])] = [];
  else sections[section].push(line);
}
const MODULE_FILES = ['blog-reader.wasm', 'blog-reader-comments.wasm'];
const exportList = Object.values(sections).flat();

function headerDefines(prefix) {
  const found = {};
  for (const [, name, value] of header.matchAll(new RegExp(`#define ${prefix}(\\w+)\\s+\\(?(-?(?:0x)?[0-9a-fA-F]+)\\)?`, 'g'))) {
    found[name] = Number(value);
  }
  return found;
}

test('every BR_API function in api.h is in exports.txt and vice versa', () => {
  const declared = [...header.matchAll(/^BR_API\s+[\w\s*]+?\b(br_\w+)\s*\(/gm)].map((m) => m[1]).sort();
  assert.ok(declared.length >= 5, 'found the declarations');
  assert.deepEqual(declared, [...exportList].sort());
});

test('exports.txt has exactly the shared section and one per module', () => {
  assert.deepEqual(Object.keys(sections).sort(), ['shared', ...MODULE_FILES].sort());
  assert.equal(new Set(exportList).size, exportList.length, 'no function listed twice');
});

for (const file of MODULE_FILES) test(`${file} exports exactly its listed functions (and its memory)`, async () => {
  const module = await WebAssembly.compile(await readFile(new URL(`dist/${file}`, root)));
  const listed = [...sections.shared, ...sections[file]];
  const exported = WebAssembly.Module.exports(module).filter((e) => e.kind === 'function').map((e) => e.name);
  for (const name of listed) assert.ok(exported.includes(name), `${name} is exported`);
  // Nothing else but the C runtime's start-up: the build's wasm-metadce step
  // removes what Emscripten exports for JS glue we do not use (stackSave...).
  const extra = exported.filter((name) => !listed.includes(name) && name !== '_initialize');
  assert.deepEqual(extra, []);
  assert.deepEqual(WebAssembly.Module.exports(module).filter((e) => e.kind !== 'function').map((e) => e.name), ['memory']);
  assert.ok(WebAssembly.Module.exports(module).some((e) => e.kind === 'memory' && e.name === 'memory'));
  const imports = WebAssembly.Module.imports(module).map((i) => `${i.module}.${i.name}`);
  // No stdio: the modules have no files and print nothing (an fd_write import
  // would mean printf or stdio crept in, with kilobytes of libc).
  const known = ['env.emscripten_notify_memory_growth', 'wasi_snapshot_preview1.proc_exit'];
  assert.deepEqual(imports.filter((i) => !known.includes(i)), [], 'web/src/wasm.js provides every import');
});

test('JS render flags equal the BR_RENDER_* values in api.h', () => {
  assert.deepEqual(headerDefines('BR_RENDER_'), { ...RENDER_FLAGS });
});

test('JS status codes equal BR_OK / BR_ERROR_* in api.h', () => {
  const defined = { ...headerDefines('BR_ERROR_'), ...headerDefines('BR_OK') };
  assert.equal(defined[''], undefined);
  assert.equal(Number(header.match(/#define BR_OK (\d+)/)[1]), STATUS.OK);
  assert.equal(headerDefines('BR_ERROR_').OUT_OF_MEMORY, STATUS.ERROR_OUT_OF_MEMORY);
  assert.equal(headerDefines('BR_ERROR_').BAD_REQUEST, STATUS.ERROR_BAD_REQUEST);
  assert.equal(Number(header.match(/#define BR_ABI_VERSION (\d+)/)[1]), ABI_VERSION);
});
