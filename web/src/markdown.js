// The Markdown half of the public API, and an entry point of its own:
//
//   import { init, renderMarkdown } from 'blog-reader-wasm/markdown';
//
// for pages that show articles and have no comment form: its loader is what
// bench/size.mjs holds to the engine's size budget. The package root
// ('blog-reader-wasm', index.js) exports the same functions plus the comment
// validator; both entries share one engine instance, so they can be mixed.

import { RENDER_FLAGS, STATUS } from './constants.js';
import { MARKDOWN_ENGINE, loadEngine, callRenderMarkdown } from './wasm.js';
import { BlogReaderError, checkOptions, describe, settle } from './common.js';

export { RENDER_FLAGS, STATUS } from './constants.js';
export { BlogReaderError } from './common.js';

/**
 * Loads the Markdown engine (`blog-reader.wasm`) once; idempotent.
 *
 * @param {object} [options]
 * @param {string | URL | Response | Promise<Response> | ArrayBuffer | ArrayBufferView | WebAssembly.Module} [options.wasm]
 *   Its location (default: the file `blog-reader.wasm` next to this module) or its bytes.
 *   A string is resolved against the page in a browser, as fetch() does; in Node,
 *   without a scheme, it is a file path from the working directory.
 * @returns {Promise<void>}
 */
export function init(options = {}) {
  checkOptions('init', options, ['wasm']);
  return settle([loadEngine(MARKDOWN_ENGINE, options.wasm)]);
}

const RENDER_DEFAULTS = Object.freeze({
  profile: 'article',
  gfm: true,
  headingIds: true,
  headingAnchors: false,
  idPrefix: '',
  tocLevels: [1, 2, 3, 4, 5, 6],
  wordsPerMinute: 200,
  frontMatter: true,
  linkAttributes: true,
  allowImages: false,
  unsafeRawHtml: false,
  unsafeAnyUrlScheme: false,
});

/**
 * The option set for plain CommonMark output (the spec's own HTML): no GFM
 * extensions, no heading ids, no link or image attributes, no front matter, raw
 * HTML written verbatim and every URL scheme kept. UNSAFE: it lets `<script>`
 * and `javascript:` through. Meant for conformance tests, never for text you
 * did not write yourself.
 */
export const UNSAFE_COMMONMARK_OPTIONS = Object.freeze({
  gfm: false,
  headingIds: false,
  tocLevels: [],
  frontMatter: false,
  linkAttributes: false,
  unsafeRawHtml: true,
  unsafeAnyUrlScheme: true,
});

function checkBoolean(options, name) {
  const value = options[name];
  if (typeof value !== 'boolean') throw new TypeError(`renderMarkdown: options.${name} must be true or false, got ${describe(value)}`);
  return value;
}

const RENDER_OPTION_NAMES = Object.keys(RENDER_DEFAULTS);

function renderFlags(options) {
  checkOptions('renderMarkdown', options, RENDER_OPTION_NAMES);
  // An option given as undefined is left at its default, as TypeScript's
  // optional properties suggest ({ idPrefix: config.prefix } with no prefix).
  const o = { ...RENDER_DEFAULTS };
  for (const name of Object.keys(options)) if (options[name] !== undefined) o[name] = options[name];
  if (o.profile !== 'article' && o.profile !== 'comment') {
    throw new TypeError(`renderMarkdown: options.profile must be "article" or "comment", got ${describe(o.profile)}`);
  }
  let flags = o.profile === 'comment' ? RENDER_FLAGS.COMMENT_PROFILE : 0;
  if (!checkBoolean(o, 'gfm')) flags |= RENDER_FLAGS.NO_GFM;
  if (!checkBoolean(o, 'headingIds')) flags |= RENDER_FLAGS.NO_HEADING_IDS;
  if (checkBoolean(o, 'headingAnchors')) flags |= RENDER_FLAGS.HEADING_ANCHORS;
  if (!checkBoolean(o, 'linkAttributes')) flags |= RENDER_FLAGS.NO_LINK_ATTRIBUTES;
  if (!checkBoolean(o, 'frontMatter')) flags |= RENDER_FLAGS.NO_FRONT_MATTER;
  if (checkBoolean(o, 'allowImages')) flags |= RENDER_FLAGS.COMMENT_IMAGES;
  if (checkBoolean(o, 'unsafeRawHtml')) flags |= RENDER_FLAGS.UNSAFE_RAW_HTML;
  if (checkBoolean(o, 'unsafeAnyUrlScheme')) flags |= RENDER_FLAGS.UNSAFE_ANY_URL_SCHEME;

  if (!Array.isArray(o.tocLevels) || !o.tocLevels.every((l) => Number.isInteger(l) && l >= 1 && l <= 6)) {
    throw new TypeError(`renderMarkdown: options.tocLevels must be an array of heading levels 1-6, got ${describe(o.tocLevels)}`);
  }
  let tocLevels = 0;
  for (const level of o.tocLevels) tocLevels |= 1 << level;
  if (!Number.isInteger(o.wordsPerMinute) || o.wordsPerMinute < 1 || o.wordsPerMinute > 100000) {
    throw new TypeError(`renderMarkdown: options.wordsPerMinute must be a whole number from 1 to 100000, got ${describe(o.wordsPerMinute)}`);
  }
  // An id holds no ASCII white space (HTML), so neither may its prefix (nor
  // other controls, which the engine leaves out of ids but not of the TOC).
  if (typeof o.idPrefix !== 'string' || /[\0- \x7f]/.test(o.idPrefix)) {
    throw new TypeError(`renderMarkdown: options.idPrefix must be a string without spaces, got ${describe(o.idPrefix)}`);
  }
  return { flags, tocLevels, wordsPerMinute: o.wordsPerMinute, idPrefix: o.idPrefix };
}

/**
 * Renders Markdown to safe HTML. Synchronous; call `await init()` once first.
 *
 * @param {string | Uint8Array} markdown the document (a string, or UTF-8 bytes;
 *   invalid UTF-8 and U+0000 become U+FFFD). A leading `---` block is front matter.
 * @param {object} [options]
 * @param {'article'|'comment'} [options.profile='article'] `article`: the site
 *   owner's text, raw HTML through an allow-list sanitizer. `comment`: a
 *   stranger's text, raw HTML shown as text, links rel="nofollow ugc", no images.
 * @param {boolean} [options.gfm=true] tables, strikethrough, task lists, autolinks
 * @param {boolean} [options.headingIds=true] GitHub-style unique `id`s on headings
 * @param {boolean} [options.headingAnchors=false] a `#` self-link in each heading
 * @param {string} [options.idPrefix=''] prepended to every heading id
 * @param {number[]} [options.tocLevels=[1,2,3,4,5,6]] heading levels in `toc`
 * @param {number} [options.wordsPerMinute=200] reading speed for `readingMinutes`
 * @param {boolean} [options.frontMatter=true] parse a leading `---` block (article profile only:
 *   in a comment those lines are the commenter's text)
 * @param {boolean} [options.linkAttributes=true] rel/loading/decoding attributes
 * @param {boolean} [options.allowImages=false] show images in the comment profile
 * @param {boolean} [options.unsafeRawHtml=false] UNSAFE: raw HTML verbatim
 * @param {boolean} [options.unsafeAnyUrlScheme=false] UNSAFE: keep javascript: etc.
 * @returns {{ html: string, toc: {level: number, id: string, text: string}[],
 *   meta: Record<string, unknown>, words: number, readingMinutes: number,
 *   warnings: {line: number|null, code: string, message: string}[] }}
 *   `html` is safe to insert as HTML; `toc[].text` and the `meta` values are
 *   plain text (entities decoded): insert them with `textContent`, never as HTML.
 */
export function renderMarkdown(markdown, options = {}) {
  if (typeof markdown !== 'string' && !(markdown instanceof Uint8Array)) {
    throw new TypeError(`renderMarkdown: markdown must be a string or a Uint8Array, got ${describe(markdown)}`);
  }
  const { flags, tocLevels, wordsPerMinute, idPrefix } = renderFlags(options);
  const { status, html, metadata } = callRenderMarkdown(markdown, flags, tocLevels, wordsPerMinute, idPrefix);
  if (status === STATUS.ERROR_OUT_OF_MEMORY) {
    throw new BlogReaderError('out_of_memory', 'renderMarkdown: the engine ran out of memory for this document');
  }
  return {
    html,
    toc: metadata.toc,
    meta: metadata.meta,
    words: metadata.words,
    readingMinutes: metadata.readingMinutes,
    warnings: metadata.warnings,
  };
}
