// Deterministic benchmark corpus for bench/throughput.mjs.
//
// Why generated rather than checked in: a ~200 KB fixture would bloat the repo
// and drift from what the engine supports; a seeded generator gives the same
// bytes on every machine (same seed -> same document) while mixing every
// construct a real blog post uses, in realistic proportions (mostly prose).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The demo article (Dutch, typographic quotes, a blockquote); one ingredient. */
const SEED_ARTICLE_URL = new URL('../web/demo/posts/samenwerken.md', import.meta.url);

/**
 * mulberry32: tiny seeded PRNG. Math.random() is not seedable, and the corpus
 * must be byte-identical across runs so figures stay comparable.
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1)
 */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN_WORDS = (
  'the a of to and in that is for it as with was on be by this are from at or an have not but ' +
  'which one all were can there their more when will would about if out so what up into time ' +
  'performance render parser browser engine markdown article reader comment server request cache ' +
  'memory latency throughput budget module bundle release feature design pattern network layout ' +
  'people team project customer service quality growth market strategy content writing editor ' +
  'simple fast small safe robust careful practical honest clear useful modern typical'
).split(' ');

const NL_WORDS = (
  'de het een en van in is dat op te zijn voor met als die niet aan er maar om ook bij nog naar ' +
  'worden door kan wel zo dan was tot over uit meer wordt dit heeft hebben onze deze geen ' +
  'samenwerking opdrachtgever dienstverlener organisatie klantbeleving resultaat kwaliteit ' +
  'één geïnteresseerd coördinatie reünie café ideeën financiële efficiënt creëren privé ' +
  'overeenkomst ervaring verwachting belangrijk gezamenlijk ontwikkeling toekomst'
).split(' ');

const LANGS = ['js', 'ts', 'cpp', 'bash', 'json', 'python', 'css', ''];

const CODE = {
  js: [
    'import { init, renderMarkdown } from "blog-reader-wasm";',
    'await init();',
    'const { html, toc } = renderMarkdown(source, { headingIds: true });',
    'for (const entry of toc) console.log(entry.level, entry.id, entry.text);',
    'document.querySelector("#article").innerHTML = html;',
  ],
  ts: [
    'export interface Post { slug: string; title: string; body: string }',
    'export async function load(slug: string): Promise<Post> {',
    '  const res = await fetch(`/posts/${slug}.md`);',
    '  if (!res.ok) throw new Error(`HTTP ${res.status}`);',
    '  return { slug, title: slug, body: await res.text() };',
    '}',
  ],
  cpp: [
    '#include <string_view>',
    'static bool is_safe_scheme(std::string_view url) noexcept {',
    '  return url.starts_with("https:") || url.starts_with("http:") || url.starts_with("mailto:");',
    '}',
    'int main() { return is_safe_scheme("javascript:alert(1)") ? 1 : 0; }',
  ],
  bash: [
    'set -euo pipefail',
    'npm ci && npm run build',
    'for f in posts/*.md; do node render.mjs "$f" > "out/$(basename "$f" .md).html"; done',
    'gzip -9 -c dist/blog-reader.wasm | wc -c',
  ],
  json: ['{', '  "title": "Hello & welcome",', '  "tags": ["wasm", "markdown"],', '  "draft": false', '}'],
  python: [
    'def reading_minutes(words: int, wpm: int = 200) -> int:',
    '    """Round up, never zero."""',
    '    return max(1, -(-words // wpm))',
    'print(reading_minutes(1234))',
  ],
  css: ['.article h2 { margin-top: 2rem; }', '.article pre { overflow-x: auto; }', 'a[href^="http"]::after { content: "↗"; }'],
  '': ['$ curl -sS https://example.com/feed.xml | head', '<?xml version="1.0" encoding="utf-8"?>', '<rss version="2.0"> & more </rss>'],
};

/**
 * Builds a seeded generator of blog-like Markdown blocks.
 * @param {number} seed
 */
function makeGenerator(seed) {
  const rnd = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  let headingNo = 0;
  let imageNo = 0;

  /** A word, sometimes decorated with inline Markdown (the inline parser's hot paths). */
  function inlineWord(words) {
    const w = pick(words);
    const r = rnd();
    if (r < 0.03) return `*${w}*`;
    if (r < 0.05) return `**${w}**`;
    if (r < 0.065) return `\`${w}()\``;
    if (r < 0.08) return `[${w} ${pick(words)}](https://example.com/${w}/${int(1, 999)} "${w}")`;
    if (r < 0.085) return `<https://www.example.org/${w}?q=${int(1, 99)}&amp;lang=nl>`;
    if (r < 0.09) return `${w} &amp; ${pick(words)}`;
    if (r < 0.093) return `&copy;&nbsp;${w}`;
    if (r < 0.096) return `~~${w}~~`;
    if (r < 0.099) return `_${w}_`;
    return w;
  }

  function sentence(words, min = 6, max = 18) {
    const n = int(min, max);
    const out = [];
    for (let i = 0; i < n; i++) out.push(inlineWord(words));
    const s = out.join(' ');
    return s[0].toUpperCase() + s.slice(1) + pick(['.', '.', '.', '!', '?', ':']);
  }

  function paragraph(words) {
    const n = int(2, 6);
    const out = [];
    for (let i = 0; i < n; i++) out.push(sentence(words));
    // Some paragraphs hard-wrap like hand-written Markdown (soft breaks).
    return rnd() < 0.3 ? out.join('\n') : out.join(' ');
  }

  function heading(words) {
    headingNo++;
    const level = pick([2, 2, 2, 3, 3, 4]);
    const title = [pick(words), pick(words), pick(words)].join(' ');
    return `${'#'.repeat(level)} ${title[0].toUpperCase()}${title.slice(1)} ${headingNo}`;
  }

  function list(words) {
    const ordered = rnd() < 0.35;
    const n = int(3, 7);
    const out = [];
    for (let i = 0; i < n; i++) {
      const marker = ordered ? `${i + 1}.` : pick(['-', '-', '*']);
      const task = !ordered && rnd() < 0.15 ? pick(['[ ] ', '[x] ']) : '';
      out.push(`${marker} ${task}${sentence(words, 3, 12)}`);
      if (rnd() < 0.25) {
        const pad = ' '.repeat(marker.length + 1);
        for (let j = int(1, 3); j > 0; j--) out.push(`${pad}- ${sentence(words, 2, 8)}`);
      }
    }
    return out.join('\n');
  }

  function quote(words) {
    const lines = [`> ${sentence(words)}`];
    if (rnd() < 0.5) lines.push('>', `> ${sentence(words)} ${sentence(words)}`);
    if (rnd() < 0.3) lines.push('>', `> — ${pick(['Orison Swett Marden', 'Anoniem', 'Redactie', 'Ada Lovelace'])}`);
    return lines.join('\n');
  }

  function code() {
    const lang = pick(LANGS);
    const fence = rnd() < 0.8 ? '```' : '~~~';
    return `${fence}${lang}\n${CODE[lang].join('\n')}\n${fence}`;
  }

  function table(words) {
    const cols = int(2, 5);
    const rows = int(2, 8);
    const head = Array.from({ length: cols }, () => pick(words));
    const align = Array.from({ length: cols }, () => pick(['---', ':--', '--:', ':-:']));
    const out = [`| ${head.join(' | ')} |`, `|${align.join('|')}|`];
    for (let r = 0; r < rows; r++) {
      out.push(`| ${Array.from({ length: cols }, () => (rnd() < 0.3 ? `\`${int(0, 9999)}\`` : inlineWord(words))).join(' | ')} |`);
    }
    return out.join('\n');
  }

  function image(words) {
    imageNo++;
    return `![${pick(words)} ${pick(words)}](/images/${imageNo}.jpg "${pick(words)}")`;
  }

  /** One block, weighted towards prose as in real posts. */
  function block(words) {
    const r = rnd();
    if (r < 0.5) return paragraph(words);
    if (r < 0.6) return heading(words);
    if (r < 0.72) return list(words);
    if (r < 0.79) return quote(words);
    if (r < 0.88) return code();
    if (r < 0.94) return table(words);
    if (r < 0.97) return image(words);
    return rnd() < 0.5 ? '---' : `Zie ook: https://www.example.nl/blog/${int(1, 500)} en <mailto:redactie@example.nl>.`;
  }

  return { block, words: () => (rnd() < 0.35 ? NL_WORDS : EN_WORDS) };
}

/** Seed article body with its YAML front matter removed (front matter is only valid at the top). */
function seedArticleBody() {
  const text = readFileSync(fileURLToPath(SEED_ARTICLE_URL), 'utf8');
  return text.replace(/^---\n[\s\S]*?\n---\n/, '');
}

/** UTF-8 byte length: throughput is reported per input byte, not per UTF-16 unit. */
export function utf8Bytes(s) {
  return Buffer.byteLength(s, 'utf8');
}

/**
 * A realistic long blog document of about `targetBytes` UTF-8 bytes: front
 * matter, then generated sections, with the demo article inserted every ~40 KB.
 * Deterministic for a given (targetBytes, seed).
 * @param {number} [targetBytes=200*1024]
 * @param {number} [seed=20260101]
 * @returns {string}
 */
export function blogDocument(targetBytes = 200 * 1024, seed = 20260101) {
  const gen = makeGenerator(seed);
  const seedBody = seedArticleBody();
  const parts = [
    '---\ntitle: "Benchmark: een lang artikel over samenwerking & performance"\nauthor: Redactie\n' +
      'date: 2026-01-01\nlang: nl\ntags: [benchmark, markdown, wasm]\n---\n',
    '# Een lang artikel over samenwerking & performance\n',
  ];
  let bytes = utf8Bytes(parts.join('\n'));
  let sinceSeed = 0;
  while (bytes < targetBytes) {
    let b;
    if (sinceSeed > 40 * 1024) {
      b = seedBody.trim();
      sinceSeed = 0;
    } else {
      b = gen.block(gen.words());
    }
    parts.push(b + '\n');
    const n = utf8Bytes(b) + 2;
    bytes += n;
    sinceSeed += n;
  }
  return parts.join('\n');
}

/** A typical ~5 KB post (the common case for a blog reader: one page view). */
export function shortPost() {
  return blogDocument(5 * 1024, 424242);
}

/**
 * ~50 KB of raw HTML blocks (tags, allowed attributes, character references):
 * the sanitizer's path, which the blog document exercises little.
 */
export function rawHtmlDocument(targetBytes = 50_000) {
  const block = '<div class="note" id="n"><p>Caf&eacute; &copy; 2024: <a href="https://example.com/?a=1&amp;b=2" ' +
    'title="T&eacute;st">a link</a>, <img src="/i.png" alt="x &amp; y" width="10"> and <span lang="nl">tekst</span>.</p></div>\n\n';
  return block.repeat(Math.ceil(targetBytes / block.length));
}

/**
 * Repeats `doc` (without its front matter after the first copy) until it is at
 * least `targetBytes`, then cuts at a blank line so no block is split.
 * Used for the 10 KB … 10 MB scaling series.
 * @param {string} doc
 * @param {number} targetBytes
 */
export function repeatToSize(doc, targetBytes) {
  const body = doc.replace(/^---\n[\s\S]*?\n---\n/, '');
  let out = doc;
  while (utf8Bytes(out) < targetBytes) out += '\n' + body;
  // Trim to roughly the target at a block boundary (ASCII-safe cut: '\n\n').
  if (out.length > targetBytes) {
    const cut = out.lastIndexOf('\n\n', targetBytes);
    if (cut > targetBytes / 2) out = out.slice(0, cut + 1);
  }
  return out;
}

/**
 * The inputs of the throughput benchmarks (bench/throughput.mjs in Node,
 * bench/browser.mjs in Chromium): one "call" worth of work each, `docs`
 * rendered in order, `bytes` their UTF-8 total.
 * @param {{ scale: [string, number][], only: string[] | null }} which
 *   `scale`: the blog document repeated or cut to these sizes, by label;
 *   `only`: the names to keep (null: all)
 * @returns {Promise<{ name: string, group: string, what: string, docs: string[], bytes: number }[]>}
 */
export async function benchInputs({ scale, only }) {
  const blog = blogDocument(200 * 1024);
  const spec = await commonmarkExamples();
  const mk = (name, group, what, docs) => ({ name, group, what, docs, bytes: docs.reduce((n, d) => n + utf8Bytes(d), 0) });
  const inputs = [
    mk('blog-200k', 'main', 'generated ~200 KB blog document (bench/corpus.mjs blogDocument())', [blog]),
    mk('post-5k', 'main', 'generated ~5 KB post (bench/corpus.mjs shortPost())', [shortPost()]),
    mk('spec-concat', 'main', `all ${spec.length} CommonMark 0.31.2 examples joined with "\\n\\n" as ONE document`, [spec.join('\n\n')]),
    mk('spec-each', 'main', `all ${spec.length} CommonMark 0.31.2 examples rendered ONE BY ONE (per-call overhead dominates)`, spec),
  ];
  for (const [label, n] of scale) {
    const name = `scale-${label}`;
    if (only && !only.includes(name)) continue; // a 10 MB document is not built for nothing
    inputs.push(mk(name, 'scale', `blog document repeated/cut to ~${label.toUpperCase()}B`, [repeatToSize(blog, n)]));
  }
  return only ? inputs.filter((i) => only.includes(i.name)) : inputs;
}

/**
 * All CommonMark spec examples (commonmark-spec 0.31.2).
 * @returns {string[]}
 */
export async function commonmarkExamples() {
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  return require('commonmark-spec').tests.map((t) => t.markdown);
}
