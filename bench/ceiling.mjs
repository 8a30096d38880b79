#!/usr/bin/env node
// How fast could any md4c-based engine be here? The ceiling behind the throughput goal.
//
//   node bench/ceiling.mjs        (needs build/wasm/md4c-ceiling*.wasm: `npm run bench` builds them)
//
// On the ~200 KB blog document (bench/corpus.mjs) it times, in one process:
//  - md4c 0.4.8 parsing with empty callbacks (bench/md4c_ceiling.c, built like our engine),
//    and the same md4c compiled for speed (br_md4c_fast in cmake/wasm.cmake, -O3);
//  - encoding the Markdown into WASM memory and decoding our HTML output into a JS string,
//    the way web/src/wasm.js does (work every engine that returns a string pays);
//  - our renderMarkdown() (article profile) and md4w-fast's mdToHtml();
//  - md4c + md4c-html as released, built for speed (bench/md4c_html.cpp), with the same
//    kind of loader: the "careful build of md4c + md4c-html" the speed goal refers to.
// Then it prints the best MB/s a renderer could reach if its HTML writer cost nothing
// (parse + encode + decode) and that as a multiple of md4w. Medians of 15 batches.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { blogDocument } from './corpus.mjs';
import { md4cHtmlModule } from './md4c-html-engine.mjs';

const root = new URL('../', import.meta.url);
const markdown = blogDocument();
const inputBytes = new TextEncoder().encode(markdown);
const MB = inputBytes.length / 1e6;

// Loads one ceiling module and copies the input into its memory; returns its parse.
async function ceilingParse(file) {
  const { instance } = await WebAssembly.instantiate(readFileSync(new URL(`build/wasm/${file}`, root)), {
    env: { emscripten_notify_memory_growth() {} },
    wasi_snapshot_preview1: { proc_exit() { throw new Error('exit'); }, fd_write: () => 52, fd_close: () => 52, fd_seek: () => 52 },
  });
  const ceiling = instance.exports;
  ceiling._initialize?.();
  const at = ceiling.ceiling_input(inputBytes.length);
  new Uint8Array(ceiling.memory.buffer).set(inputBytes, at);
  return () => ceiling.ceiling_parse(inputBytes.length);
}
// md4c as the engine builds it (-Oz), and the same md4c compiled for speed (-O3).
const parseAsShipped = await ceilingParse('md4c-ceiling.wasm');
const parseFast = await ceilingParse('md4c-ceiling-fast.wasm');

const stock = await md4cHtmlModule(await WebAssembly.compile(readFileSync(new URL('build/wasm/md4c-html-stock.wasm', root))));

const ours = await import(new URL('dist/index.js', root));
await ours.init({ comments: false });
const md4wDir = new URL('node_modules/md4w/js/', root);
const md4w = await import(new URL('md4w.js', md4wDir).href);
md4w.initWasm(await WebAssembly.compile(readFileSync(new URL('md4w-fast.wasm', md4wDir))));

const html = ours.renderMarkdown(markdown).html;
const htmlBytes = new TextEncoder().encode(html);
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const scratch = new Uint8Array(markdown.length * 3);
// The pieces web/src/wasm.js decodes in Node, cut by the engine's rule (br_output_end in
// wasm/api.h, here through the md4c-html module's copy of it). Cut once, untimed: the
// engine's scan for them is part of its own time, not the floor's.
const pieces = stock.pieceEnds(htmlBytes).map((end, i, ends) => htmlBytes.subarray(i ? ends[i - 1] : 0, end));

function median(fn) {
  const warm = performance.now() + 300;
  while (performance.now() < warm) fn();
  const samples = [];
  for (let b = 0; b < 15; b++) {
    const t0 = performance.now();
    let n = 0;
    while (performance.now() - t0 < 100) { fn(); n++; }
    samples.push((performance.now() - t0) / n);
  }
  return samples.sort((a, b) => a - b)[7];
}

const t = {
  parse: median(parseAsShipped),
  parseFast: median(parseFast),
  encode: median(() => encoder.encodeInto(markdown, scratch)),
  decode: median(() => {
    let s = '';
    for (const piece of pieces) s += decoder.decode(piece);
    return s;
  }),
  ours: median(() => ours.renderMarkdown(markdown).html),
  md4w: median(() => md4w.mdToHtml(markdown)),
  md4cHtml: median(() => stock.render(markdown)),
};
const rate = (ms) => (MB / (ms / 1000)).toFixed(1);
const floor = t.parse + t.encode + t.decode;
const floorFast = t.parseFast + t.encode + t.decode;
console.log(`blog-200k: ${inputBytes.length} bytes of Markdown, ${htmlBytes.length} bytes of HTML; node ${process.version}`);
console.log(`  md4c parse, empty callbacks   ${t.parse.toFixed(3)} ms  ${rate(t.parse)} MB/s`);
console.log(`  md4c parse, built for speed   ${t.parseFast.toFixed(3)} ms  ${rate(t.parseFast)} MB/s (md4c at -O3)`);
console.log(`  encode input (encodeInto)     ${t.encode.toFixed(3)} ms`);
console.log(`  decode output (${String(pieces.length).padStart(4)} pieces)  ${t.decode.toFixed(3)} ms`);
console.log(`  zero-cost writer: parse + encode + decode = ${floor.toFixed(3)} ms  ${rate(floor)} MB/s = ${(t.md4w / floor).toFixed(2)}x md4w`);
console.log(`    with md4c built for speed:            ${floorFast.toFixed(3)} ms  ${rate(floorFast)} MB/s = ${(t.md4w / floorFast).toFixed(2)}x md4w`);
console.log(`  ours, renderMarkdown (article) ${t.ours.toFixed(3)} ms  ${rate(t.ours)} MB/s = ${(t.md4w / t.ours).toFixed(2)}x md4w`);
console.log(`  md4w-fast, mdToHtml           ${t.md4w.toFixed(3)} ms  ${rate(t.md4w)} MB/s`);
console.log(`  md4c + md4c-html (stock, -O3) ${t.md4cHtml.toFixed(3)} ms  ${rate(t.md4cHtml)} MB/s = ${(t.md4w / t.md4cHtml).toFixed(2)}x md4w`);
console.log(`  our HTML writer and API cost  ${(t.ours - floor).toFixed(3)} ms beyond the ceiling`);
