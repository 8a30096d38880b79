#!/usr/bin/env node
// A/B speed of two builds of the engine, in one process: alternating batches of
// A and B on the same inputs, so that the machine's drift (this VM swings by up
// to ±40 % within minutes) hits both alike. Prints, per input, the best and the
// median batch of each (µs per render) and B relative to A.
//
//   node bench/ab.mjs <dist A> <dist B> [batches=40]
//   e.g. node bench/ab.mjs /tmp/old/dist dist
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { blogDocument, shortPost, rawHtmlDocument } from './corpus.mjs';

const [dirA, dirB, batchArg] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error('usage: node bench/ab.mjs <dist A> <dist B> [batches]');
  process.exit(2);
}
const batches = Number(batchArg ?? 40);

// Each build gets its own module instance (a query string makes the URL unique).
async function load(dir, tag) {
  const url = pathToFileURL(path.resolve(dir, 'markdown.js'));
  url.search = `?${tag}`;
  const api = await import(url.href);
  await api.init({ wasm: pathToFileURL(path.resolve(dir, 'blog-reader.wasm')) });
  return api.renderMarkdown;
}
const engines = { A: await load(dirA, 'a'), B: await load(dirB, 'b') };

const inputs = { 'blog-200k': blogDocument(), 'post-5k': shortPost(), 'raw-html-50k': rawHtmlDocument() };
const same = Object.values(inputs).every((doc) => {
  const a = engines.A(doc).html;
  if (typeof a !== 'string') throw new Error(`${dirA} rendered no HTML`);
  return a === engines.B(doc).html;
});

function batch(render, doc, calls) {
  const start = performance.now();
  for (let i = 0; i < calls; i++) render(doc);
  return ((performance.now() - start) * 1000) / calls;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`A = ${dirA}\nB = ${dirB}\nsame HTML on every input: ${same}`);
for (const [name, doc] of Object.entries(inputs)) {
  // About 50 ms per batch.
  const calls = Math.max(1, Math.round(50_000 / batch(engines.A, doc, 3)));
  for (const render of Object.values(engines)) batch(render, doc, calls);  // warm-up
  const times = { A: [], B: [] };
  for (let i = 0; i < batches; i++) {
    for (const key of i % 2 ? ['B', 'A'] : ['A', 'B']) times[key].push(batch(engines[key], doc, calls));
  }
  const row = (key) => `best ${Math.min(...times[key]).toFixed(1)} µs, median ${median(times[key]).toFixed(1)} µs`;
  console.log(`${name}: A ${row('A')}; B ${row('B')}; B/A best ${(Math.min(...times.B) / Math.min(...times.A)).toFixed(3)}, median ${(median(times.B) / median(times.A)).toFixed(3)}`);
}
