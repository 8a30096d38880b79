// The measuring method of the throughput benchmarks, shared by bench/throughput.mjs
// (engines in Node) and bench/browser.mjs (the same engines in Chromium, where
// this module is loaded into the page), so that both report comparable figures.
// Plain JS with no imports: it runs unchanged in Node and in a browser.
//
// Method (why): wasm engines need a warm-up (tier-up from Liftoff to TurboFan,
// memory growth to steady size) and JS engines need JIT warm-up, so every
// (engine, input) pair is warmed first, the warm-up also calibrating how many
// calls make one batch of >= cfg.batchMs. Then batches are run round-robin
// across engines (batch 1 of every engine, then batch 2, ...) so slow drifts in
// machine load (this box has 2 cores shared with compiles) hit all engines
// alike; the MEDIAN batch throughput is reported because it ignores the odd
// batch disturbed by a GC or another process, where a mean would not.

/**
 * @typedef {{ name: string, render: (md: string) => string }} Engine
 * @typedef {{ name: string, docs: string[], bytes: number }} Input
 *   One "call" worth of work: `docs` are rendered in order; `bytes` is their UTF-8 total.
 * @typedef {{ batches: number, batchMs: number, warmupMs: number, budgetMs: number }} MeasureConfig
 */

/**
 * The measuring configuration from BENCH_* variables (an object like
 * process.env; passed in, so that this module stays free of Node globals).
 * BENCH_QUICK=1 gives a smoke run with rough numbers; BENCH_ENGINES and
 * BENCH_INPUTS, comma lists, restrict what is measured (null: everything).
 * @param {Record<string, string | undefined>} env
 * @returns {MeasureConfig & { quick: boolean, engines: string[] | null, inputs: string[] | null }}
 */
export function configFromEnv(env) {
  const quick = env.BENCH_QUICK === '1';
  const number = (name, dflt) => {
    const v = env[name];
    if (v === undefined || v === '') return dflt;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got ${v}`);
    return n;
  };
  const list = (name) => env[name]?.split(',').map((s) => s.trim()).filter(Boolean) ?? null;
  return {
    quick,
    engines: list('BENCH_ENGINES'),
    inputs: list('BENCH_INPUTS'),
    batches: number('BENCH_BATCHES', quick ? 3 : 9),
    batchMs: number('BENCH_BATCH_MS', quick ? 40 : 250),
    warmupMs: number('BENCH_WARMUP_MS', quick ? 40 : 300),
    budgetMs: number('BENCH_BUDGET_MS', 5000),
  };
}

/**
 * Sink for every output length, printed by the callers: no engine's work can
 * be dead-code-eliminated, and a changed checksum hints that an output changed.
 */
export const checksum = { value: 0 };

/** Renders every doc of the input once; returns the total output UTF-16 length. */
function callOnce(engine, input) {
  let n = 0;
  for (const d of input.docs) {
    const html = engine.render(d);
    if (typeof html !== 'string') throw new TypeError(`${engine.name} returned ${typeof html}, not a string`);
    n += html.length;
  }
  checksum.value += n;
  return n;
}

/** Runs `iters` calls; returns elapsed ms. */
function timeBatch(engine, input, iters) {
  const t0 = performance.now();
  for (let i = 0; i < iters; i++) callOnce(engine, input);
  return performance.now() - t0;
}

/** @param {number[]} xs */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Measures all engines on one input.
 * @param {Engine[]} engines
 * @param {Input} input
 * @param {MeasureConfig} cfg
 * @returns {Record<string, object>} per engine: {mbps, min, max, batches, iters, htmlChars, samples} or {error}/{skipped}
 */
export function measureInput(engines, input, cfg) {
  const res = {};
  const live = [];
  for (const e of engines) {
    try {
      // First call: correctness smoke + timing for the budget check.
      const t0 = performance.now();
      const htmlChars = callOnce(e, input);
      const first = performance.now() - t0;
      if (htmlChars === 0) throw new Error('empty output');
      if (first > cfg.budgetMs) {
        res[e.name] = { skipped: `one call took ${first.toFixed(0)} ms > budget ${cfg.budgetMs} ms` };
        continue;
      }
      // Warm-up: keep calling for warmupMs (at least 2 more calls, or 1 when a
      // single call already outlasts a batch, as on 10 MB); calibrate.
      const minCalls = first > cfg.batchMs ? 1 : 2;
      let calls = 0;
      const w0 = performance.now();
      do {
        callOnce(e, input);
        calls++;
      } while (performance.now() - w0 < cfg.warmupMs || calls < minCalls);
      const perCall = (performance.now() - w0) / calls;
      const iters = Math.max(1, Math.ceil(cfg.batchMs / perCall));
      res[e.name] = { htmlChars, iters, samples: [] };
      live.push(e);
    } catch (err) {
      res[e.name] = { error: String(err?.message ?? err).split('\n')[0] };
    }
  }
  // Inputs >= 5 MB: one call is already a batch of 0.1-3 s; fewer batches
  // keep the full run around 3-4 minutes (the median of 5 is still robust).
  const batches = input.bytes >= 5e6 ? Math.min(cfg.batches, 5) : cfg.batches;
  for (let b = 0; b < batches; b++) {
    for (const e of live) {
      const r = res[e.name];
      if (r.error) continue;
      globalThis.gc?.(); // only with --expose-gc: start each batch with a clean heap
      try {
        const ms = timeBatch(e, input, r.iters);
        r.samples.push((input.bytes * r.iters) / 1e6 / (ms / 1e3));
      } catch (err) {
        r.error = String(err?.message ?? err).split('\n')[0];
      }
    }
  }
  for (const e of live) {
    const r = res[e.name];
    if (r.error) continue;
    r.mbps = median(r.samples);
    r.min = Math.min(...r.samples);
    r.max = Math.max(...r.samples);
    r.batches = r.samples.length;
  }
  return res;
}

// ----------------------------------------------------------------- report ---

export const fmtBytes = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} KB` : `${n} B`);

const fmtCell = (r) => {
  if (!r) return '-';
  if (r.error) return 'ERROR';
  if (r.skipped) return 'skipped';
  const spread = r.mbps > 0 ? Math.round(((r.max - r.min) / r.mbps) * 50) : 0; // ± half the range, %
  return `${r.mbps >= 100 ? r.mbps.toFixed(0) : r.mbps.toFixed(1)} ±${spread}%`;
};

/**
 * Prints the MB/s table (a row per input, a column per engine), then any
 * engine that failed or was skipped.
 * @param {{name: string}[]} engines
 * @param {{name: string, bytes: number, group?: string}[]} inputs
 * @param {Record<string, Record<string, object>>} results  input name -> engine name -> result
 */
export function printTable(engines, inputs, results) {
  const head = ['input', 'size', ...engines.map((e) => e.name)];
  const rows = inputs.map((i) => [i.name, fmtBytes(i.bytes), ...engines.map((e) => fmtCell(results[i.name][e.name]))]);
  const w = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells) => cells.map((s, c) => (c < 1 ? s.padEnd(w[c]) : s.padStart(w[c]))).join('  ');
  console.log(line(head));
  console.log(w.map((n) => '-'.repeat(n)).join('  '));
  let group = inputs[0]?.group;
  inputs.forEach((inp, k) => {
    if (inp.group !== group) {
      console.log('');
      group = inp.group;
    }
    console.log(line(rows[k]));
  });
  console.log('');
  for (const inp of inputs) {
    for (const e of engines) {
      const r = results[inp.name][e.name];
      if (r?.error) console.log(`! ${e.name} on ${inp.name}: ERROR ${r.error}`);
      if (r?.skipped) console.log(`! ${e.name} on ${inp.name}: skipped, ${r.skipped}`);
    }
  }
}

/** The speed goal: ours at least this many times md4w's MB/s on blog-200k. */
export const GOAL_RATIO = 2.5;

/**
 * ours / md4w on blog-200k, against both md4w builds.
 * @returns {{ vsMd4wFast: number | null, vsMd4wSmall: number | null }}
 */
export function goalRatios(results) {
  const ratio = (a, b) => {
    const x = results['blog-200k']?.[a]?.mbps;
    const y = results['blog-200k']?.[b]?.mbps;
    return x && y ? x / y : null;
  };
  return { vsMd4wFast: ratio('ours', 'md4w-fast'), vsMd4wSmall: ratio('ours', 'md4w-small') };
}

/** The goal line both benchmarks print. */
export function goalLine(ratios, where) {
  const fmtR = (x) => (x == null ? 'n/a' : `${x.toFixed(2)}x ${x >= GOAL_RATIO ? 'PASS' : 'FAIL'}`);
  return `ours vs md4w on blog-200k in ${where} (goal: >= ${GOAL_RATIO}x md4w): vs md4w-fast ${fmtR(ratios.vsMd4wFast)}, vs md4w-small ${fmtR(ratios.vsMd4wSmall)}`;
}
