#!/usr/bin/env node
// Comment-form validation cost in WebAssembly, and the .wasm bytes the validator adds.
//
//   node bench/comments.mjs            (after scripts/build.sh; `npm run bench` runs it)
//
// Prints, for a typical Dutch comment (the demo form's fields):
//  - validateComment(): the public JS API, as the browser calls it on submit
//    (JS encoding of the fields, JSON options, the WASM call, JSON.parse of the result);
//  - validateField('email'): one live check as the reader leaves a field;
//  - the bare WASM call br_validate_comment with the request already in memory.
// Median of 9 batches of >= 200 ms each, after a warm-up. Goal: <= 5 µs per typical form.
// Size: the validator is its own module, blog-reader-comments.wasm; its bytes are what it adds.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';

const root = new URL('../', import.meta.url);
// BENCH_DIST: another directory with index.js + blog-reader.wasm, to try a variant build.
const dist = process.env.BENCH_DIST ? new URL(`file://${process.env.BENCH_DIST.replace(/\/?$/, '/')}`) : new URL('dist/', root);
const api = await import(new URL('index.js', dist));
await api.init();

const FIELDS = {
  author: 'Jan de Vries',
  email: 'jan@voorbeeld.nl',
  url: 'https://voorbeeld.nl/blog',
  content:
    'Dank voor dit heldere stuk! Ik heb de stappen gevolgd op mijn eigen blog en het werkte meteen, al moest ik de ' +
    'configuratie iets aanpassen voor mijn server. Voor wie dezelfde vraag heeft: de uitleg op ' +
    'https://voorbeeld.nl/handleiding hielp mij verder. Misschien een idee om dat in een volgend artikel uit te werken? ' +
    'Groeten uit Gent.',
  honeypot: '',
};
const OPTIONS = { locale: ['nl-BE', 'en'], elapsedSeconds: 42 };

// Sanity: the benchmarked call does the real work and succeeds.
const sample = api.validateComment(FIELDS, OPTIONS);
if (!sample.valid || sample.locale !== 'nl') throw new Error(`unexpected result: ${JSON.stringify(sample)}`);

// The bare WASM call, with the request written once: what the C++ rules cost.
const wasmBytes = readFileSync(new URL('blog-reader-comments.wasm', dist));
const { instance } = await WebAssembly.instantiate(wasmBytes, {
  env: { emscripten_notify_memory_growth() {} },
  wasi_snapshot_preview1: { proc_exit() { throw new Error('exit'); }, fd_write: () => 52, fd_close: () => 52, fd_seek: () => 52 },
});
const raw = instance.exports;
raw._initialize?.();
const encoder = new TextEncoder();
let fieldBytes = new Uint8Array(0);
const ranges = [];
for (const [name, value] of Object.entries(FIELDS)) {
  const bytes = encoder.encode(value);
  ranges.push(`"${name}":[${fieldBytes.length},${bytes.length}]`);
  const joined = new Uint8Array(fieldBytes.length + bytes.length);
  joined.set(fieldBytes);
  joined.set(bytes, fieldBytes.length);
  fieldBytes = joined;
}
const request = encoder.encode(`{"fields":{${ranges.join(',')}},"options":${JSON.stringify(OPTIONS)}}`);
const base = raw.br_input_buffer(request.length + fieldBytes.length);
new Uint8Array(raw.memory.buffer).set(request, base);
new Uint8Array(raw.memory.buffer).set(fieldBytes, base + request.length);
const bareCall = () => raw.br_validate_comment(base, request.length, base + request.length, fieldBytes.length);
if (bareCall() !== 0) throw new Error('br_validate_comment failed');

function measure(fn) {
  const warmEnd = performance.now() + 300;
  let calls = 0;
  while (performance.now() < warmEnd) { fn(); calls++; }
  const perBatch = Math.max(100, Math.ceil(calls / 300 * 200));
  const samples = [];
  for (let b = 0; b < 9; b++) {
    const t0 = performance.now();
    for (let i = 0; i < perBatch; i++) fn();
    samples.push(((performance.now() - t0) * 1000) / perBatch);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[4], min: samples[0], max: samples[8] };
}

const rows = [
  ['validateComment (JS API, whole form)', () => api.validateComment(FIELDS, OPTIONS)],
  ['validateField email (JS API, live check)', () => api.validateField('email', FIELDS.email, OPTIONS)],
  ['br_validate_comment (bare WASM call)', bareCall],
];
console.log(`comment validation in WebAssembly, node ${process.version}: µs per call, median of 9 batches (min-max)`);
console.log(`typical form: ${fieldBytes.length} bytes of fields, locale nl-BE -> nl\n`);
for (const [name, fn] of rows) {
  const { median, min, max } = measure(fn);
  console.log(`  ${name.padEnd(44)} ${median.toFixed(2).padStart(7)} µs  (${min.toFixed(2)}-${max.toFixed(2)})`);
}
console.log('\ngoal: <= 5 µs per typical form in WASM (the br_validate_comment row: the C++ rules);');
console.log('the validateComment row adds what the public JS API does around it (encoding, JSON both ways)');

// The validator is a module of its own: what it adds to a page is that file.
const size = (url) => { const b = readFileSync(url); return { raw: b.length, gzip: gzipSync(b, { level: 9 }).length }; };
const validator = size(new URL('blog-reader-comments.wasm', dist));
const engine = size(new URL('blog-reader.wasm', dist));
console.log('\n.wasm bytes the validator adds (blog-reader-comments.wasm, fetched beside the Markdown engine):');
console.log(`  validator        raw ${validator.raw.toLocaleString('en')}  Node zlib -9 ${validator.gzip.toLocaleString('en')}`);
console.log(`  (Markdown engine raw ${engine.raw.toLocaleString('en')}  Node zlib -9 ${engine.gzip.toLocaleString('en')})`);
console.log('  (Node\'s zlib; bench/size.mjs prints the reference zlib\'s gzip -9, which the budget uses)');
