// With wasm-comments.js, the only code that touches WebAssembly memory. Everything
// else calls the functions below, which take and return plain JS values. (The
// validator's calls live in wasm-comments.js so that 'blog-reader-wasm/markdown'
// does not carry them; the helpers it shares are exported for it, not public.)
//
// Boundary rules (see wasm/api.h): input is written into the buffer that
// br_input_buffer() returns; output is read from C++-owned buffers, valid until
// the next call, so it is decoded here at once.

import { ABI_VERSION } from './constants.js';
import { describe } from './common.js';

export const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * One engine module (see cmake/wasm.cmake): `file` is its name next to this
 * script, `entry` the export that tells it from the other module, `notLoaded`
 * the error of a call before it is loaded. Each is loaded at most once; a
 * failed load may be retried. The Markdown engine's slot is here; the comment
 * validator's is in wasm-comments.js, so that the Markdown-only entry point
 * carries nothing of it.
 */
export function engineSlot(file, entry, notLoaded) {
  return { file, entry, notLoaded, exports: null, loading: null };
}

export const MARKDOWN_ENGINE = engineSlot('blog-reader.wasm', 'br_render_markdown',
  'blog-reader: call `await init()` before rendering Markdown');

/**
 * Loads and instantiates one engine module once; later calls return the same promise.
 *
 * @param {ReturnType<typeof engineSlot>} slot
 * @param {string | URL | Response | Promise<Response> | ArrayBuffer | ArrayBufferView | WebAssembly.Module} [source]
 *   Where the `.wasm` is, or its bytes. Default: the module's file next to this
 *   script (resolved against `import.meta.url`, so it works from a CDN, a bundle
 *   that copies the files, or `node_modules`).
 * @returns {Promise<void>}
 */
export function loadEngine(slot, source) {
  if (slot.exports) return Promise.resolve();
  if (!slot.loading) {
    slot.loading = instantiate(source ?? new URL(`./${slot.file}`, import.meta.url)).then(
      (instance) => {
        // A standalone reactor module: _initialize runs the C++ static constructors.
        instance.exports._initialize?.();
        const version = instance.exports.br_abi_version();
        if (version !== ABI_VERSION) {
          throw new Error(`${slot.file} has ABI ${version}, but this JS expects ${ABI_VERSION}: the .wasm and the JS are from different builds`);
        }
        // Both modules have the same ABI version: a swapped file is caught here,
        // before it is kept (found by review: each call failed for good).
        if (typeof instance.exports[slot.entry] !== 'function') throw new Error(`the module has no ${slot.entry} (another .wasm?)`);
        slot.exports = instance.exports;
      },
    ).catch((error) => {
      slot.loading = null; // a failed load may be retried (e.g. with another location)
      throw new Error(`blog-reader: could not load ${slot.file}: ${error.message}`, { cause: error });
    });
  }
  return slot.loading;
}

// The module is built standalone (no Emscripten JS glue); these are the only
// imports it may ask for. None of them is reached in normal operation.
const imports = {
  env: {
    emscripten_notify_memory_growth() {},
  },
  wasi_snapshot_preview1: {
    proc_exit(code) {
      throw new Error(`blog-reader: engine aborted (exit code ${code})`);
    },
  },
};

const NODE_URL = 'node:url';
const NODE_FS = 'node:fs/promises';

async function instantiate(source) {
  if (source instanceof WebAssembly.Module) return WebAssembly.instantiate(source, imports);
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) {
    return (await WebAssembly.instantiate(source, imports)).instance;
  }
  if (typeof source === 'string' || source instanceof URL) {
    // A browser resolves a string against the page, as fetch() does; Node, with
    // no page, takes a string without a scheme as a file path from the working
    // directory, as fs does ("C:\\x" too: a scheme has two characters or more).
    // The specifiers are hidden from bundlers.
    const node = typeof location === 'undefined';
    const url = !node ? new URL(source, location.href)
      : typeof source === 'string' && !/^\w\w+:/.test(source)
        ? (await import(/* @vite-ignore */ /* webpackIgnore: true */ NODE_URL)).pathToFileURL(source)
        : new URL(source);
    if (url.protocol === 'file:') {
      // Node: fetch() has no file: support.
      const { readFile } = await import(/* @vite-ignore */ /* webpackIgnore: true */ NODE_FS);
      return (await WebAssembly.instantiate(await readFile(url), imports)).instance;
    }
    source = fetch(url);
  }
  const response = await source;
  if (typeof response?.arrayBuffer !== 'function') {
    throw new TypeError(`expected a URL, a path, a Response, bytes or a WebAssembly.Module, got ${describe(response)}`);
  }
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${response.url}`);
  if (typeof WebAssembly.instantiateStreaming === 'function' &&
      response.headers.get('Content-Type')?.startsWith('application/wasm')) {
    return (await WebAssembly.instantiateStreaming(response, imports)).instance;
  }
  return (await WebAssembly.instantiate(await response.arrayBuffer(), imports)).instance;
}

/** The exports of a loaded module; throws its `notLoaded` error before that. */
export function engine(slot) {
  if (slot.exports) return slot.exports;
  throw new Error(slot.notLoaded);
}

// ---- input ------------------------------------------------------------------

/**
 * Lays out several inputs (strings or raw bytes) end to end in the input buffer.
 * Strings are encoded as UTF-8 straight into WASM memory by `encodeString`
 * (`encodeKeepingLoneSurrogates` for the validator, so that the C++ side sees,
 * and reports, lone surrogates instead of silent U+FFFD).
 * Returns [pointer, size] pairs, one per input.
 */
export function writeInputs(e, inputs, encodeString = encodeUtf8) {
  let capacity = 0;
  for (const input of inputs) capacity += maxBytes(input);
  const [base, memory] = inputBuffer(e, capacity);
  const spans = [];
  let offset = base;
  for (const input of inputs) {
    const written = writeValue(memory, offset, input, encodeString);
    spans.push(offset, written);
    offset += written;
  }
  return spans;
}

/** The most bytes a value can take in WASM memory (UTF-8: at most 3 per UTF-16 unit). */
export function maxBytes(value) {
  return typeof value === 'string' ? value.length * 3 : value.byteLength;
}

/** br_input_buffer(capacity) and a fresh view of memory, which may have grown. */
export function inputBuffer(e, capacity) {
  const base = e.br_input_buffer(Math.max(capacity, 1));
  if (base === 0) throw new RangeError('blog-reader: out of memory for the input');
  return [base, new Uint8Array(e.memory.buffer)];
}

/** Writes a string (with `encodeString`) or bytes at `at`; returns the byte count. */
export function writeValue(memory, at, value, encodeString) {
  if (typeof value !== 'string') {
    memory.set(value, at);
    return value.byteLength;
  }
  return encodeString(value, memory, at);
}

/** UTF-8; lone surrogates become U+FFFD (what the Markdown engine wants). */
export function encodeUtf8(text, memory, at) {
  return encoder.encodeInto(text, memory.subarray(at, at + text.length * 3)).written;
}

// ---- output -----------------------------------------------------------------

const OUTPUT_HTML = 0;
const OUTPUT_JSON = 1;
// In Node, V8's TextDecoder runs its fast ASCII loop only up to the first
// non-ASCII byte it is given and decodes the rest character by character, so
// there the output is decoded in pieces that end after a cluster of non-ASCII
// characters (br_output_end in wasm/api.h): blog-200k renders in 0.92x the
// time, a 5 KB post in 0.87x. Blink's decoder has no such cliff and pays more
// per call, so a browser decodes a part in one call (gap 0: no pieces). Either
// way gives the same string; only the speed differs where the test guesses
// wrong (an Electron renderer with Node integration has Blink's decoder; Deno
// and Bun, which also set process.versions.node, were not measured).
export const DECODE_GAP = typeof process == 'object' && process.versions?.node ? 256 : 0;

function readOutput(e, part) {
  const pointer = e.br_output_data(part);
  let text = '';
  for (let start = 0, end; (end = e.br_output_end(part, start, DECODE_GAP)) > start; start = end) {
    text += decoder.decode(new Uint8Array(e.memory.buffer, pointer + start, end - start));
  }
  return text;
}

export function readJson(e) {
  return JSON.parse(readOutput(e, OUTPUT_JSON));
}

// ---- calls ------------------------------------------------------------------

/**
 * Runs br_render_markdown. `markdown` is a string or raw UTF-8 bytes.
 * @returns {{ status: number, html: string, metadata: object }}
 */
export function callRenderMarkdown(markdown, flags, tocLevels, wordsPerMinute, idPrefix) {
  const e = engine(MARKDOWN_ENGINE);
  const [mdPtr, mdLen, idPtr, idLen] = writeInputs(e, [markdown, idPrefix]);
  const status = e.br_render_markdown(mdPtr, mdLen, flags, tocLevels, wordsPerMinute, idPtr, idLen);
  return { status, html: readOutput(e, OUTPUT_HTML), metadata: readJson(e) };
}

