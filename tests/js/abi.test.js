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

// br_output_end, driven directly: the pieces the loader decodes in Node.
test('br_output_end: pieces end after a non-ASCII run, never inside a character, and decode to the whole part', async () => {
  const { instance } = await WebAssembly.instantiate(await readFile(new URL('dist/blog-reader.wasm', root)), {
    env: { emscripten_notify_memory_growth() {} },
    wasi_snapshot_preview1: { proc_exit(code) { throw new Error(`exit ${code}`); } },
  });
  const e = instance.exports;
  e._initialize?.();
  // Characters of 2, 3 and 4 bytes, alone and in runs, at gaps around the ones tried below.
  const markdown = [
    '# Kop ñ €',
    `é${'a'.repeat(300)}€€ x 😀${'b'.repeat(10)}ü${'c'.repeat(256)}ß${'d'.repeat(257)}\u{10FFFF}`,
    `${'e'.repeat(5)}ÿ${'f'.repeat(3)}日本${'g'.repeat(4)}`,
    'plain ASCII only',
    'ending on a character: 😀',
  ].join('\n\n');
  const input = new TextEncoder().encode(markdown);
  const at = e.br_input_buffer(input.length);
  new Uint8Array(e.memory.buffer).set(input, at);
  assert.equal(e.br_render_markdown(at, input.length, 0, 0b1111110, 0, 0, 0), STATUS.OK);
  const decoder = new TextDecoder();
  for (const part of [0, 1]) {  // BR_OUTPUT_HTML, BR_OUTPUT_JSON
    const size = e.br_output_end(part, 0, 0);
    const bytes = new Uint8Array(e.memory.buffer, e.br_output_data(part), size).slice();
    assert.ok(size > 100 && bytes.some((b) => b >= 0x80), 'the part has non-ASCII text');
    const nextNonAscii = (from) => { let i = from; while (i < size && bytes[i] < 0x80) i++; return i; };
    for (const start of [0, 1, size - 1, size]) assert.equal(e.br_output_end(part, start, 0), size, 'gap 0: the size');
    for (const gap of [1, 3, 4, 5, 256, 257, 100000]) {
      let text = '';
      let pieces = 0;
      for (let start = 0, end; start < size; start = end, pieces++) {
        end = e.br_output_end(part, start, gap);
        assert.ok(end > start && end <= size, `gap ${gap}: piece [${start}, ${end}) of ${size}`);
        if (end < size) {
          assert.ok(bytes[end - 1] >= 0x80 && bytes[end] < 0x80, `gap ${gap}: ends after a non-ASCII byte, before an ASCII one (${end})`);
          assert.ok(nextNonAscii(end) - end > gap, `gap ${gap}: no non-ASCII byte within the gap after ${end}`);
        }
        // Within the piece, from its first non-ASCII byte, no ASCII run longer than
        // the gap: not between two runs, and not at the part's end either.
        for (let i = nextNonAscii(start), run = 0; i < end; i++) {
          run = bytes[i] < 0x80 ? run + 1 : 0;
          assert.ok(run <= gap || (end < size && nextNonAscii(i) >= end), `gap ${gap}: piece [${start}, ${end}) goes on ${run} bytes past a run`);
        }
        text += decoder.decode(bytes.subarray(start, end));
      }
      assert.equal(text, decoder.decode(bytes), `gap ${gap}: the pieces decode to the whole`);
      if (gap === 1 && part === 0) assert.ok(pieces >= 8, `gap 1 cuts after every cluster (${pieces} pieces)`);
      if (gap === 100000) assert.equal(pieces, 1);
    }
  }
  // The last run is cut off from more than the gap of ASCII after it also when
  // the four-byte steps land on the part's end (found by review): "<p>é" + 255
  // letters + "</p>\n" is 265 bytes, 260 of them after the é.
  const short = new TextEncoder().encode(`é${'a'.repeat(255)}`);
  const shortAt = e.br_input_buffer(short.length);
  new Uint8Array(e.memory.buffer).set(short, shortAt);
  assert.equal(e.br_render_markdown(shortAt, short.length, 0, 0, 0, 0, 0), STATUS.OK);
  assert.equal(e.br_output_end(0, 0, 0), 265);
  assert.equal(e.br_output_end(0, 0, 256), 5);
  assert.equal(e.br_output_end(0, 0, 260), 265);
  assert.equal(e.br_output_end(0, 5, 256), 265);
});
