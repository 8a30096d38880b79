#!/usr/bin/env node
// Markdown -> HTML throughput in Chromium (Debian's, headless): the same
// engines, inputs and method as bench/throughput.mjs, run inside one browser
// page, because a browser is where the widget renders articles. V8 in Chromium
// and in Node differ where it matters here (Blink's TextDecoder decodes our
// 32 KiB pieces about 3x as fast as Node's), so both figures are reported.
//
//   node bench/browser.mjs              (~2-3 min on 2 cores)
//   BENCH_QUICK=1 node bench/browser.mjs   smoke run (seconds)
//
// Knobs as in bench/throughput.mjs: BENCH_BATCHES, BENCH_BATCH_MS,
// BENCH_WARMUP_MS, BENCH_BUDGET_MS, BENCH_ENGINES, BENCH_INPUTS, BENCH_DIST.
// CHROMIUM=/path picks the browser (default /usr/bin/chromium).
//
// How: a local HTTP server serves dist/, the competitors' files from
// node_modules and this folder; markdown-it and marked are bundled for the
// browser by esbuild in memory. The page loads bench/browser-engines.mjs,
// which measures with bench/measure.mjs; the inputs are generated here by
// bench/corpus.mjs and handed to the page one at a time.
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { benchInputs } from './corpus.mjs';
import { checksum, configFromEnv, fmtBytes, printTable, goalRatios, goalLine } from './measure.mjs';
import { launchBrowser } from '../scripts/chromium.mjs';
import { contentType, readMounted } from '../scripts/static-files.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const CFG = configFromEnv(process.env);
const QUICK = CFG.quick;
const log = (...a) => process.stderr.write(a.join(' ') + '\n');

// ----------------------------------------------------------------- server ---

const distDir = process.env.BENCH_DIST ? resolve(process.env.BENCH_DIST) : join(root, 'dist');
// URL prefix -> folder; nothing else is served.
const MOUNTS = [
  ['/dist/', distDir],
  ['/node_modules/md4w/js/', join(root, 'node_modules/md4w/js')],
  ['/node_modules/markdown-wasm/dist/', join(root, 'node_modules/markdown-wasm/dist')],
  ['/bench/', join(root, 'bench')],
  ['/build/wasm/', join(root, 'build/wasm')], // md4c-html-stock.wasm (bench/md4c-html-engine.mjs)
  ['/web/src/', join(root, 'web/src')], // the loader's DECODE_GAP, which md4c-html-engine.mjs imports
];

async function bundleJsEngines() {
  const out = await build({
    stdin: { contents: "export { default as MarkdownIt } from 'markdown-it';\nexport { Marked } from 'marked';\n", resolveDir: root, loader: 'js' },
    bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'error',
  });
  return out.outputFiles[0].contents;
}

/** Paths the page asked for and did not get: reported, since a missing file fails an engine. */
const notFound = [];

function startServer(generated) {
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    const send = (status, type, body) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    if (generated[pathname]) return send(200, contentType(pathname), generated[pathname]);
    if (pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
    // markdown-wasm's ES build fetches "markdown.wasm" relative to the page.
    const file = await readMounted(MOUNTS, pathname.endsWith('/markdown.wasm') ? '/node_modules/markdown-wasm/dist/markdown.wasm' : pathname);
    if (file) return send(200, file.type, file.body);
    notFound.push(pathname);
    send(404, 'text/plain', `not found: ${pathname}\n`);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// ----------------------------------------------------------------- inputs ---

// ------------------------------------------------------------------- main ---

const server = await startServer({
  '/bench/js-engines.js': await bundleJsEngines(),
  '/bench/index.html': '<!doctype html><meta charset="utf-8"><title>blog-reader-wasm browser benchmark</title>',
});
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(`${base}/bench/index.html`);
  const version = browser.context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent));
  const engines = await page.evaluate(
    async ([url, only]) => {
      window.bench = await import('/bench/browser-engines.mjs');
      return window.bench.loadEngines(url, only);
    },
    [`${base}/dist/`, CFG.engines],
  );
  // The Node benchmark's inputs without 100 KB and 10 MB (one page, one heap).
  const inputs = await benchInputs({ scale: [['10k', 10e3], ['1m', 1e6]], only: CFG.inputs });
  log(`browser bench (${version}): ${engines.length} engines x ${inputs.length} inputs, ${CFG.batches} batches of >= ${CFG.batchMs} ms`);
  const results = {};
  const started = new Date();
  for (const input of inputs) {
    log(`  ${input.name} (${fmtBytes(input.bytes)}) ...`);
    results[input.name] = await page.evaluate(([i, cfg]) => window.bench.measure(i, cfg), [input, CFG]);
    for (const r of Object.values(results[input.name])) checksum.value += r.htmlChars ?? 0;
  }
  if (page.errors.length) throw new Error(`the benchmark page reported errors: ${page.errors.join('; ')} (not found: ${notFound.join(', ') || 'none'})`);

  console.log(`Markdown -> HTML throughput in MB/s of UTF-8 input, in Chromium: median of ${CFG.batches} batches of >= ${CFG.batchMs} ms, after >= ${CFG.warmupMs} ms warm-up; ±% = half the min-max spread`);
  console.log(`${started.toISOString()}  ${version}  ours from ${process.env.BENCH_DIST ?? 'dist/'}${QUICK ? '  [QUICK smoke run: numbers are rough]' : ''}`);
  console.log('');
  printTable(engines, inputs, results);
  console.log(goalLine(goalRatios(results), 'Chromium'));
  console.log('');
  console.log('engines:');
  for (const e of engines) console.log(`  ${e.name.padEnd(14)} ${e.how}`);
  console.log(`(output checksum ${checksum.value}; ignore: it only keeps the outputs alive)`);
} finally {
  await browser.close();
  server.close();
}
