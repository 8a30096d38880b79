#!/usr/bin/env node
// Download size of the engine: raw, gzip -9 and brotli bytes of
// dist/blog-reader.wasm + its loader (dist/markdown.js, the Markdown-only entry
// point, and the chunk it imports), checked against bench/budgets.json,
// next to what the competitors ship, plus a breakdown of our .wasm.
//
//   node bench/size.mjs                       our build vs budget + competitors
//   node bench/size.mjs a.wasm b.wasm ...     also list variant builds side by side
//   node bench/size.mjs --json [...]          machine-readable
//   node bench/size.mjs --top=60 named.wasm   list more of the largest functions (default 20)
//
// Exit code 1 when engine + loader gzip exceeds the budget (so CI can gate on it),
// 2 when dist/ is missing.
//
// Why gzip level 9 per file: the files are fetched separately and served
// compressed; level 9 is what a static host pre-compressing assets uses. Brotli
// (quality 11) is shown for information only; the budget is on gzip.
//
// Which gzip: deflate implementations differ, and by more than rounding. On
// the engine (2026-12-02): zlib 1.2.13, the reference implementation that web
// servers (nginx, Apache) and Python link, 42,174 B; GNU gzip -9 (its own
// deflate) 42,608; Node 20's zlib (Chromium's fork, tuned for speed) 43,360.
// The budget is measured with the reference zlib, through python3 (always
// present here: Emscripten is a Python program); Node's figure for the same
// files is printed beside it. Without python3 the script falls back to Node's
// zlib and says so.

import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';

const root = fileURLToPath(new URL('..', import.meta.url));
const rel = (...p) => path.join(root, ...p);
/** Repo-relative name for files in the repo, absolute otherwise (no ../../tmp). */
const show = (file) => {
  const r = path.relative(root, path.resolve(file));
  return r && !r.startsWith('..') ? r : path.resolve(file);
};
const args = process.argv.slice(2);
const JSON_OUT = args.includes('--json');
const variants = args.filter((a) => !a.startsWith('--'));
const TOP = Number(args.find((a) => a.startsWith('--top='))?.slice(6) ?? 20);
if (!Number.isInteger(TOP) || TOP < 1) throw new Error(`--top= takes a whole number, got ${args.find((a) => a.startsWith('--top='))}`);

const budgets = JSON.parse(readFileSync(rel('bench/budgets.json'), 'utf8'));

// gzip -9 with the reference zlib (see the top of this file): one python3 call
// per file, the bytes on stdin; wbits 31 = a gzip stream with no name or time.
const REFERENCE_GZIP =
  'import sys, zlib; c = zlib.compressobj(9, zlib.DEFLATED, 31); ' +
  'd = sys.stdin.buffer.read(); print(len(c.compress(d) + c.flush()), zlib.ZLIB_RUNTIME_VERSION)';
let gzipName = 'zlib (python3)';
function referenceGzipBytes(buf) {
  if (gzipName.startsWith('Node')) return null;
  const r = spawnSync('python3', ['-c', REFERENCE_GZIP], { input: buf, encoding: 'utf8' });
  const [bytes, version] = r.status === 0 ? r.stdout.trim().split(' ') : [];
  if (!bytes) {
    gzipName = `Node's zlib ${process.versions.zlib} (python3 not usable: ${r.error?.message ?? r.stderr.trim()})`;
    return null;
  }
  gzipName = `zlib ${version}`;
  return Number(bytes);
}

/**
 * raw / gzip -9 (reference zlib; Node's zlib beside it) / brotli q11 byte counts
 * of one file; each file is measured once (md4w's two builds share their JS).
 */
const measured = new Map();
function sizes(file) {
  if (!measured.has(file)) measured.set(file, measureFile(file));
  return measured.get(file);
}
function measureFile(file) {
  const buf = readFileSync(file);
  const nodeGzip = zlib.gzipSync(buf, { level: 9 }).length;
  return {
    file: show(file),
    raw: buf.length,
    gzip: referenceGzipBytes(buf) ?? nodeGzip,
    nodeGzip,
    brotli: zlib.brotliCompressSync(buf, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}
const sum = (label, parts) => ({
  file: label,
  raw: parts.reduce((n, p) => n + p.raw, 0),
  gzip: parts.reduce((n, p) => n + p.gzip, 0),
  nodeGzip: parts.reduce((n, p) => n + p.nodeGzip, 0),
  brotli: parts.reduce((n, p) => n + p.brotli, 0),
});

// ------------------------------------------------------- tiny wasm reader ---

const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount', 'tag'];

/**
 * Minimal WebAssembly binary reader: section sizes, function body sizes, the
 * export names and (if present) the "name" custom section. Written by hand
 * because the bench must not depend on wabt/binaryen being installed.
 * @param {Uint8Array} buf
 */
function readWasm(buf) {
  let p = 8; // magic + version
  const u32 = () => {
    let r = 0;
    let shift = 0;
    for (;;) {
      const b = buf[p++];
      r |= (b & 0x7f) << shift;
      if (!(b & 0x80)) return r >>> 0;
      shift += 7;
    }
  };
  const str = () => {
    const n = u32();
    const s = new TextDecoder().decode(buf.subarray(p, p + n));
    p += n;
    return s;
  };
  const sections = [];
  let importedFuncs = 0;
  const bodies = []; // [{ index, size }]
  const exportNames = new Map(); // func index -> export name
  const funcNames = new Map(); // func index -> name (name section)
  let dataBytes = 0;
  let dataSegments = 0;
  const segments = []; // [{ bytes, preview }]

  while (p < buf.length) {
    const id = buf[p++];
    const size = u32();
    const start = p;
    const end = p + size;
    let name = SECTION_NAMES[id] ?? `id${id}`;
    if (id === 0) name = `custom "${str()}"`;
    sections.push({ name, bytes: end - start + 1 + leb128Len(size) });

    if (id === 2) {
      // imports: count function imports so body indices line up
      for (let n = u32(); n > 0; n--) {
        str();
        str();
        const kind = buf[p++];
        if (kind === 0) {
          u32();
          importedFuncs++;
        } else if (kind === 1) {
          p++;
          const flags = u32();
          u32();
          if (flags & 1) u32();
        } else if (kind === 2) {
          const flags = u32();
          u32();
          if (flags & 1) u32();
        } else if (kind === 3) {
          p += 2;
        } else if (kind === 4) {
          p++;
          u32();
        }
      }
    } else if (id === 7) {
      for (let n = u32(); n > 0; n--) {
        const nm = str();
        const kind = buf[p++];
        const idx = u32();
        if (kind === 0) exportNames.set(idx, nm);
      }
    } else if (id === 10) {
      const n = u32();
      for (let i = 0; i < n; i++) {
        const sz = u32();
        bodies.push({ index: importedFuncs + i, size: sz });
        p += sz;
      }
    } else if (id === 11) {
      dataSegments = u32();
      // payload bytes ~= section size (segment headers are a few bytes each)
      dataBytes = size;
      for (let i = 0; i < dataSegments; i++) {
        const flags = u32();
        if (flags === 2) u32(); // explicit memory index
        if (flags !== 1) {
          // offset init expression: skip to its `end` (0x0b); emscripten emits i32.const N end
          while (buf[p++] !== 0x0b);
        }
        const n = u32();
        segments.push({ bytes: n, preview: printable(buf.subarray(p, p + Math.min(n, 400))) });
        p += n;
      }
    } else if (id === 0 && name === 'custom "name"') {
      while (p < end) {
        const sub = buf[p++];
        const subSize = u32();
        const subEnd = p + subSize;
        if (sub === 1) {
          for (let n = u32(); n > 0; n--) {
            const idx = u32();
            funcNames.set(idx, str());
          }
        }
        p = subEnd;
      }
    }
    p = end;
  }
  return { sections, bodies, exportNames, funcNames, importedFuncs, dataBytes, dataSegments, segments };
}
/** A short printable preview of a data segment, to guess what it holds (tables, strings, catalogs). */
function printable(bytes) {
  const s = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/[\x00-\x1f\x7f\ufffd]+/g, ' ').replace(/ +/g, ' ');
  return s.length > 60 ? s.slice(0, 60) + '…' : s;
}
function leb128Len(n) {
  let k = 1;
  while (n >= 0x80) {
    n >>>= 7;
    k++;
  }
  return k;
}

/**
 * Heuristic owner of a function from its symbol name: only meaningful with a
 * name section (`--profiling-funcs` keeps demangled names). Template code is
 * charged to the library whose types it instantiates (nlohmann::json first),
 * because that is the dependency one would remove to save it.
 */
function ownerOf(name) {
  if (!name) return 'unnamed';
  if (name.includes('nlohmann::')) return 'nlohmann::json';
  const br = /blogreader::(\w+)/.exec(name);
  if (br) return `blogreader::${br[1]}`;
  if (/^br_/.test(name)) return 'exports (br_*)';
  if (/^(md_|MD_)/.test(name) || /^(entity_|render_)/.test(name)) return 'md4c';
  if (/\bstd::|^operator (new|delete)|__cxa_|__cxx/.test(name)) return 'libc++';
  if (/alloc|^free$|emmalloc|sbrk/.test(name)) return 'malloc (emmalloc)';
  return 'libc / runtime';
}

function wasmBreakdown(file) {
  const info = readWasm(readFileSync(file));
  const nameOf = (i) => info.funcNames.get(i) ?? (info.exportNames.has(i) ? `${info.exportNames.get(i)} (export)` : `func[${i}]`);
  const top = [...info.bodies].sort((a, b) => b.size - a.size).slice(0, TOP).map((b) => ({ name: nameOf(b.index), bytes: b.size }));
  let owners = null;
  if (info.funcNames.size) {
    owners = {};
    for (const b of info.bodies) {
      const o = ownerOf(info.funcNames.get(b.index) ?? '');
      owners[o] = (owners[o] ?? 0) + b.size;
    }
  }
  const topData = [...info.segments].sort((a, b) => b.bytes - a.bytes).slice(0, 8);
  return {
    file: show(file),
    topDataSegments: topData,
    hasNameSection: info.funcNames.size > 0,
    functions: info.bodies.length,
    importedFunctions: info.importedFuncs,
    sections: info.sections,
    dataSegments: info.dataSegments,
    dataBytes: info.dataBytes,
    topFunctions: top,
    codeBytesByOwner: owners,
  };
}

// ------------------------------------------------------------------- main ---

const ourWasm = rel('dist/blog-reader.wasm');
const ourJs = rel('dist/markdown.js');
if (!existsSync(ourWasm) || !existsSync(ourJs) || !existsSync(rel('dist/index.js'))) {
  console.error('bench/size.mjs: dist/blog-reader.wasm, dist/markdown.js or dist/index.js missing; run `bash scripts/build.sh` first');
  process.exit(2);
}

/** An ES module and every module it imports statically (relative specifiers), each once, in load order. */
function moduleGraph(file, seen = new Set()) {
  if (seen.has(file)) return [];
  seen.add(file);
  const files = [file];
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/(?:import|export)\s*(?:[^'"]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
    files.push(...moduleGraph(path.resolve(path.dirname(file), m[1]), seen));
  }
  return files;
}

// What an article page downloads: the engine and the Markdown-only entry point
// with the chunk it imports (bundle.mjs splits the package into index.js,
// markdown.js and shared chunks).
const loaderFiles = moduleGraph(ourJs);
const ours = [sizes(ourWasm), ...loaderFiles.map((f) => sizes(f))];
const oursTotal = sum('engine + loader', ours);
const loaderGzip = oursTotal.gzip - ours[0].gzip;
// What a page with a comment form downloads on top: the package root's own
// module (its shared chunk is already there) and the validator.
const fullLoaderExtra = moduleGraph(rel('dist/index.js')).filter((f) => !loaderFiles.includes(f)).map((f) => sizes(f));
// The comment validator is its own module, fetched beside the engine (or later,
// or never on a page without a form): reported, not part of the engine budget.
const commentsWasm = rel('dist/blog-reader-comments.wasm');
const comments = existsSync(commentsWasm) ? sizes(commentsWasm) : null;
const budget = budgets.engineAndLoaderGzipBytes;
const pass = oursTotal.gzip <= budget;

/** What each competitor ships to a browser for Markdown -> HTML (wasm + its JS glue). */
const competitors = [
  {
    name: 'md4w 0.2.7 small (md4w-small.wasm + index.js + md4w.js)',
    files: ['node_modules/md4w/js/md4w-small.wasm', 'node_modules/md4w/js/index.js', 'node_modules/md4w/js/md4w.js'],
  },
  {
    name: 'md4w 0.2.7 fast (md4w-fast.wasm + index.js + md4w.js)',
    files: ['node_modules/md4w/js/md4w-fast.wasm', 'node_modules/md4w/js/index.js', 'node_modules/md4w/js/md4w.js'],
  },
  {
    name: 'markdown-wasm 1.2.0 (markdown.wasm + markdown.es.js)',
    files: ['node_modules/markdown-wasm/dist/markdown.wasm', 'node_modules/markdown-wasm/dist/markdown.es.js'],
  },
].map((c) => {
  const parts = c.files.filter((f) => existsSync(rel(f))).map((f) => sizes(rel(f)));
  return { name: c.name, parts, total: sum('total', parts) };
});

const breakdown = wasmBreakdown(ourWasm);
const variantRows = variants.map((v) => {
  const s = sizes(path.resolve(v));
  const b = wasmBreakdown(path.resolve(v));
  const code = b.sections.find((x) => x.name === 'code')?.bytes ?? 0;
  return { ...s, file: v, breakdown: b, functions: b.functions, codeBytes: code, dataBytes: b.dataBytes, withLoaderGzip: s.gzip + loaderGzip };
});

if (JSON_OUT) {
  console.log(
    JSON.stringify(
      { budgets, gzip: gzipName, ours: { files: ours, total: oursTotal, budgetGzip: budget, pass }, comments, competitors, breakdown, variants: variantRows },
      null,
      2,
    ),
  );
} else {
  printReport();
}
// exitCode, not exit(): exit() can cut off output still queued for a pipe.
process.exitCode = pass ? 0 : 1;

/** The human-readable report (everything below the JSON branch). */
function printReport() {
  const fmt = (n) => n.toLocaleString('en-US');
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  /** Prints rows of cells under a header: the first column left-aligned, the others right-aligned. */
  function columns(head, body) {
    const w = head.map((h, c) => Math.max(h.length, ...body.map((b) => b[c].length)));
    const line = (cells) => cells.map((s, c) => (c === 0 ? s.padEnd(w[c]) : s.padStart(w[c]))).join('  ');
    console.log('  ' + line(head));
    for (const b of body) console.log('  ' + line(b));
  }
  function table(rows) {
    columns(
      ['file', 'raw', 'gzip -9', 'Node zlib -9', 'brotli'],
      rows.map((r) => [r.file, fmt(r.raw), `${fmt(r.gzip)} (${kb(r.gzip)})`, fmt(r.nodeGzip), fmt(r.brotli)]),
    );
  }

  console.log(`blog-reader-wasm (bytes; gzip -9 = ${gzipName}, what the budget is checked with)`);
  table([...ours, oursTotal]);
  console.log(
    `  budget engine+loader gzip <= ${fmt(budget)} (${kb(budget)}): ${pass ? 'PASS' : 'FAIL'} ` +
      `(${fmt(oursTotal.gzip)}, ${pass ? `${fmt(budget - oursTotal.gzip)} to spare` : `${fmt(oursTotal.gzip - budget)} over`})`,
  );
  if (comments) {
    console.log('\ncomment validator, a module of its own (what the comment form adds to a page, with the');
    console.log('package root dist/index.js, which imports the same chunk)');
    table([comments, ...fullLoaderExtra, sum('engine + loader + validator', [...ours, ...fullLoaderExtra, comments])]);
  }
  console.log('');
  console.log('competitors, what each ships for Markdown -> HTML (bytes)');
  for (const c of competitors) {
    console.log(`  ${c.name}`);
    table([...c.parts, c.total]);
  }
  console.log('');
  /** Prints sections, code by owner (if named), largest functions and data segments of one .wasm. */
  function printBreakdown(bd) {
    const raw = bd.sections.reduce((n, x) => n + x.bytes, 8);
    console.log(`breakdown of ${bd.file}: ${bd.functions} functions (+${bd.importedFunctions} imported), ${bd.dataSegments} data segment(s)`);
    console.log('  sections (raw bytes, incl. header):');
    for (const x of bd.sections) console.log(`    ${x.name.padEnd(22)} ${fmt(x.bytes).padStart(9)}  ${((100 * x.bytes) / raw).toFixed(1).padStart(5)}%`);
    if (bd.codeBytesByOwner) {
      const code = Object.values(bd.codeBytesByOwner).reduce((a, b) => a + b, 0);
      console.log('  function-body bytes by owner (heuristic on symbol names; templates charged to the type they instantiate):');
      for (const [o, n] of Object.entries(bd.codeBytesByOwner).sort((a, b) => b[1] - a[1])) {
        console.log(`    ${o.padEnd(30)} ${fmt(n).padStart(9)}  ${((100 * n) / code).toFixed(1).padStart(5)}%`);
      }
    } else {
      console.log(
        '  no "name" section (release builds strip it), so functions are shown by index. For names, link a\n' +
          '  variant with `--profiling-funcs` (same code, adds names) and pass it: node bench/size.mjs variant.wasm',
      );
    }
    console.log('  largest function bodies:');
    const short = (n) => (n.length > 120 ? n.slice(0, 117) + '...' : n);
    for (const f of bd.topFunctions) console.log(`    ${fmt(f.bytes).padStart(7)}  ${short(f.name)}`);
    console.log('  largest data segments (preview of their bytes, to tell tables from strings):');
    for (const d of bd.topDataSegments) console.log(`    ${fmt(d.bytes).padStart(7)}  ${JSON.stringify(d.preview)}`);
  }

  printBreakdown(breakdown);
  if (variantRows.length) {
    console.log('');
    console.log('variants (gzip -9; "+loader" adds the loader\'s gzip, compare with the budget)');
    const head = ['file', 'raw', 'gzip', '+loader', 'brotli', 'code', 'data', 'funcs', 'vs dist gzip'];
    const base = ours[0].gzip;
    const body = [
      [ours[0].file, fmt(ours[0].raw), fmt(ours[0].gzip), fmt(oursTotal.gzip), fmt(ours[0].brotli), fmt(breakdown.sections.find((x) => x.name === 'code')?.bytes ?? 0), fmt(breakdown.dataBytes), String(breakdown.functions), '0'],
      ...variantRows.map((v) => [v.file, fmt(v.raw), fmt(v.gzip), fmt(v.withLoaderGzip), fmt(v.brotli), fmt(v.codeBytes), fmt(v.dataBytes), String(v.functions), `${v.gzip - base >= 0 ? '+' : ''}${fmt(v.gzip - base)}`]),
    ];
    columns(head, body);
    for (const v of variantRows) {
      if (!v.breakdown.hasNameSection) continue;
      console.log('');
      printBreakdown(v.breakdown);
    }
  }
}
