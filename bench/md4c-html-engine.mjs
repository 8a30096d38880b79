// md4c 0.4.8 + md4c-html as released, built for speed (bench/md4c_html.cpp, target
// md4c_html_stock, built by `npm run bench`): the "careful Emscripten build of md4c +
// md4c-html" that issue 2's speed goal is set against. Its loader does what ours
// (web/src/wasm.js) does: the input is encoded straight into WASM memory (encodeInto),
// the output decoded with one TextDecoder call, in Node in the same pieces. Used by
// ceiling.mjs, throughput.mjs and, in the page, browser-engines.mjs.

import { DECODE_GAP } from '../web/src/wasm.js';

export const MD4C_HTML_HOW =
  'md4c 0.4.8 + md4c-html as released (no rewrites), -O3 LTO bulk-memory, GFM flags, a loader like ours (bench/md4c_html.cpp)';

/**
 * @param {WebAssembly.Module} module the compiled build/wasm/md4c-html-stock.wasm
 * @returns {Promise<{ render: (markdown: string) => string, pieceEnds: (bytes: Uint8Array) => number[] }>}
 *   render: md4c-html's HTML as a string; pieceEnds: where the loader ends each piece
 *   of `bytes` in this runtime (DECODE_GAP), cut by the engine's own rule.
 */
export async function md4cHtmlModule(module) {
  const instance = await WebAssembly.instantiate(module, {
    env: { emscripten_notify_memory_growth() {} },
    // The libc that Emscripten links brings these along; rendering never calls them.
    wasi_snapshot_preview1: {
      proc_exit() { throw new Error('md4c-html module exited'); },
      fd_write: () => 52, fd_close: () => 52, fd_seek: () => 52, // ENOSYS
    },
  });
  const e = instance.exports;
  e._initialize?.();
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  // Decoded as web/src/wasm.js readOutput decodes ours.
  const decode = (pointer, size) => {
    let text = '';
    for (let start = 0, end; (end = e.md4c_html_piece_end(pointer, size, start, DECODE_GAP)) > start; start = end) {
      text += decoder.decode(new Uint8Array(e.memory.buffer, pointer + start, end - start));
    }
    return text;
  };
  const render = (markdown) => {
    const capacity = markdown.length * 3;
    const at = e.md4c_html_input(capacity);
    const { written } = encoder.encodeInto(markdown, new Uint8Array(e.memory.buffer, at, capacity));
    const size = e.md4c_html_render(written); // first: the render may move the output
    return decode(e.md4c_html_output(), size);
  };
  const pieceEnds = (bytes) => {
    const at = e.md4c_html_input(bytes.length);
    new Uint8Array(e.memory.buffer, at, bytes.length).set(bytes);
    const ends = [];
    for (let start = 0, end; (end = e.md4c_html_piece_end(at, bytes.length, start, DECODE_GAP)) > start; start = end) ends.push(end);
    return ends;
  };
  // A wrong or stale module must not be timed: check one render.
  const probe = render('*a* <b>');
  if (probe !== '<p><em>a</em> <b></p>\n') throw new Error(`md4c-html module: unexpected output ${JSON.stringify(probe)}`);
  return { render, pieceEnds };
}
