#!/usr/bin/env node
// Markdown -> HTML throughput (MB/s of UTF-8 input) of blog-reader-wasm versus
// md4w, markdown-wasm, markdown-it and marked, all in one process.
//
//   node bench/throughput.mjs            full run (~3-5 min on 2 cores)
//   BENCH_QUICK=1 node bench/throughput.mjs   smoke run (seconds)
//   node bench/throughput.mjs --json     machine-readable JSON on stdout
//
// Environment knobs (all optional):
//   BENCH_BATCHES   timed batches per (engine, input); median is reported (default 9, quick 3)
//   BENCH_BATCH_MS  minimum wall time of one batch in ms (default 250, quick 40)
//   BENCH_WARMUP_MS warm-up time per (engine, input) in ms (default 300, quick 40)
//   BENCH_BUDGET_MS an engine whose single warm-up call takes longer than this
//                   is skipped for that input (default 5000)
//   BENCH_ENGINES   comma list to restrict engines, e.g. "ours,md4w-fast"
//   BENCH_INPUTS    comma list to restrict inputs,  e.g. "blog-200k,post-5k"
//   BENCH_DIST      directory holding index.js + blog-reader.wasm of "ours"
//                   (default: dist/), to compare a variant build against dist/
//
// The measuring method (warm-up, round-robin batches, median) is in
// bench/measure.mjs, shared with bench/browser.mjs (the same engines in Chromium).

import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { benchInputs } from './corpus.mjs';
import { MD4C_HTML_HOW, md4cHtmlModule } from './md4c-html-engine.mjs';
import { checksum, configFromEnv, fmtBytes, measureInput, printTable, goalRatios, goalLine, GOAL_RATIO } from './measure.mjs';

const require = createRequire(import.meta.url);
const JSON_OUT = process.argv.includes('--json');
const CFG = configFromEnv(process.env);
const QUICK = CFG.quick;
/** Progress goes to stderr so stdout stays a clean table / clean JSON. */
const log = (...a) => process.stderr.write(a.join(' ') + '\n');

// ---------------------------------------------------------------- engines ---

/**
 * Each engine: name, a one-line description of how it is configured, and
 * render(string) -> string. Every engine is used with its out-of-the-box
 * options (what a user gets by default), and every engine returns a JS string
 * so the UTF-8 decode of the output is paid by all (md4w and markdown-wasm can
 * hand out bytes instead; we deliberately do not use that).
 * @typedef {{ name: string, how: string, render: (md: string) => string }} Engine
 */

/** @returns {Promise<Engine[]>} */
async function loadEngines() {
  const engines = [];

  const distDir = process.env.BENCH_DIST
    ? pathToFileURL(path.resolve(process.env.BENCH_DIST) + path.sep)
    : new URL('../dist/', import.meta.url);
  const br = await import(new URL('index.js', distDir).href);
  await br.init();
  engines.push({
    name: 'ours',
    how: `blog-reader-wasm (${process.env.BENCH_DIST ?? 'dist/'}) renderMarkdown(md).html, default options (article profile: GFM, heading ids, TOC, sanitizer, link attributes, front matter, word count)`,
    // The TOC/meta/words come back too (already JSON-parsed by the loader); we
    // only need .html but the rest is work every caller pays for.
    render: (md) => br.renderMarkdown(md).html,
  });
  engines.push({
    name: 'ours-cm',
    how: 'blog-reader-wasm with UNSAFE_COMMONMARK_OPTIONS (plain CommonMark, no ids/TOC/sanitizer): shows what the article features cost',
    render: (md) => br.renderMarkdown(md, br.UNSAFE_COMMONMARK_OPTIONS).html,
  });

  // md4w keeps its wasm instance in module state, so to hold both the "fast"
  // (default in Node, 880 KB) and the "small" (28 KB gz, the size class we
  // compete in) build at once we import its core module twice under distinct
  // URLs (the query string makes Node treat them as separate module instances).
  const md4wDir = new URL('../node_modules/md4w/js/', import.meta.url);
  for (const mode of ['fast', 'small']) {
    const mod = await import(new URL(`md4w.js?bench=${mode}`, md4wDir).href);
    mod.initWasm(await WebAssembly.compile(readFileSync(new URL(`md4w-${mode}.wasm`, md4wDir))));
    engines.push({
      name: `md4w-${mode}`,
      how: `md4w 0.2.7 mdToHtml(md) with md4w-${mode}.wasm, default parse flags (returns a string)`,
      render: (md) => mod.mdToHtml(md),
    });
  }

  // md4c + md4c-html as released: what md4c's own renderer gives in the same setup.
  const stockWasm = new URL('../build/wasm/md4c-html-stock.wasm', import.meta.url);
  if (existsSync(stockWasm)) {
    engines.push({ name: 'md4c-html', how: MD4C_HTML_HOW, render: (await md4cHtmlModule(await WebAssembly.compile(readFileSync(stockWasm)))).render });
  } else {
    console.error('md4c-html: build/wasm/md4c-html-stock.wasm is not built (npm run bench builds it); left out');
  }

  const mdw = require('markdown-wasm'); // dist/markdown.node.js (CJS, wasm embedded)
  await mdw.ready;
  engines.push({
    name: 'markdown-wasm',
    how: 'markdown-wasm 1.2.0 parse(md) (string output, bytes:false), default flags',
    render: (md) => mdw.parse(md),
  });

  const { default: MarkdownIt } = await import('markdown-it');
  const mdit = new MarkdownIt();
  engines.push({
    name: 'markdown-it',
    how: 'markdown-it 15.0.3 new MarkdownIt().render(md), default preset (html:false, linkify:false)',
    render: (md) => mdit.render(md),
  });

  const { Marked } = await import('marked');
  const marked = new Marked();
  engines.push({
    name: 'marked',
    how: 'marked 18.2.1 new Marked().parse(md), defaults (gfm:true, sync)',
    render: (md) => marked.parse(md),
  });

  return CFG.engines ? engines.filter((e) => CFG.engines.includes(e.name)) : engines;
}

// ----------------------------------------------------------------- inputs ---

async function main() {
  const engines = await loadEngines();
  const scale = [['10k', 10e3], ['100k', 100e3], ['1m', 1e6], ['10m', 10e6]];
  // A smoke run skips 10 MB, unless it is asked for.
  const inputs = await benchInputs({ scale: QUICK && !CFG.inputs ? scale.slice(0, 3) : scale, only: CFG.inputs });
  const startedAt = new Date();
  const load0 = os.loadavg();
  log(`bench: ${engines.length} engines x ${inputs.length} inputs, ${CFG.batches} batches of >= ${CFG.batchMs} ms, warm-up ${CFG.warmupMs} ms`);

  const results = {};
  for (const inp of inputs) {
    log(`  ${inp.name} (${fmtBytes(inp.bytes)}) ...`);
    results[inp.name] = measureInput(engines, inp, CFG);
  }
  const load1 = os.loadavg();

  const goal = GOAL_RATIO;
  const ratios = goalRatios(results);

  const env = {
    date: startedAt.toISOString(),
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    loadavg1mStart: load0[0],
    loadavg1mEnd: load1[0],
    gcBetweenBatches: typeof globalThis.gc === 'function',
  };

  if (JSON_OUT) {
    const out = {
      env,
      config: { ...CFG, quick: QUICK },
      unit: 'MB/s (1e6 bytes of UTF-8 Markdown input per second), median of batches',
      engines: engines.map(({ name, how }) => ({ name, how })),
      inputs: inputs.map(({ name, what, bytes, docs, group }) => ({ name, what, bytes, documents: docs.length, group })),
      results: Object.fromEntries(
        Object.entries(results).map(([k, v]) => [
          k,
          Object.fromEntries(Object.entries(v).map(([e, r]) => [e, r.samples ? { ...r, samples: r.samples.map((x) => +x.toFixed(3)) } : r])),
        ]),
      ),
      blogRatio: { ...ratios, goal },
      sink: checksum.value,
    };
    console.log(JSON.stringify(out, null, 2));
    return;
  }

  console.log(`Markdown -> HTML throughput in MB/s of UTF-8 input: median of ${CFG.batches} batches of >= ${CFG.batchMs} ms (at most 5 for inputs >= 5 MB), after >= ${CFG.warmupMs} ms warm-up; ±% = half the min-max spread of the batches`);
  console.log(`${env.date}  node ${env.node}  ${env.cpu} x${env.cores}  loadavg(1m) start ${load0[0].toFixed(2)} end ${load1[0].toFixed(2)}${QUICK ? '  [QUICK smoke run: numbers are rough]' : ''}`);
  console.log('');
  printTable(engines, inputs, results);
  console.log(goalLine(ratios, `Node ${process.version}`));
  console.log('');
  console.log('inputs:');
  for (const i of inputs) console.log(`  ${i.name.padEnd(12)} ${i.what}`);
  console.log('engines:');
  for (const e of engines) console.log(`  ${e.name.padEnd(14)} ${e.how}`);
  console.log(`(output checksum ${checksum.value}; ignore: it only keeps the outputs alive)`);
}

await main();
