// blog-reader-wasm public API: `await init()`, then everything is synchronous.
//
//   import { init, renderMarkdown, validateComment } from 'blog-reader-wasm';
//   await init();
//   const { html, toc, meta } = renderMarkdown(text);

import { RENDER_FLAGS, STATUS } from './constants.js';
import {
  loadEngine,
  callRenderMarkdown,
  callValidateComment,
  callValidateField,
  callFormMessages,
} from './wasm.js';

export { RENDER_FLAGS, STATUS } from './constants.js';

/**
 * Loads the WebAssembly engine: the Markdown engine (`blog-reader.wasm`) and the
 * comment validator (`blog-reader-comments.wasm`), in parallel. Idempotent: call
 * it as often as you like; each module is fetched and compiled once, and a
 * later call loads only what an earlier one left out.
 *
 * @param {object} [options]
 * @param {string | URL | Response | Promise<Response> | ArrayBuffer | ArrayBufferView | WebAssembly.Module} [options.wasm]
 *   The Markdown engine's location (resolved against this module's URL by
 *   default: the file `blog-reader.wasm` next to it) or its bytes.
 * @param {string | URL | Response | Promise<Response> | ArrayBuffer | ArrayBufferView | WebAssembly.Module} [options.commentsWasm]
 *   The same for the validator (default: `blog-reader-comments.wasm` next to this module).
 * @param {boolean} [options.comments=true] false: skip the validator (a page
 *   without a comment form saves its download; `validateComment` then throws).
 * @param {boolean} [options.markdown=true] false: skip the Markdown engine (a
 *   server that only validates comments).
 * @returns {Promise<void>} resolves when every requested module is ready; if one
 *   fails to load, rejects (naming the file) once the others are ready, so they
 *   stay usable.
 */
export function init(options = {}) {
  if (options === null || typeof options !== 'object') throw new TypeError('init(options): options must be an object');
  for (const key of Object.keys(options)) {
    if (!INIT_OPTIONS.includes(key)) throw new TypeError(`init: unknown option "${key}" (known: ${INIT_OPTIONS.join(', ')})`);
  }
  const { markdown = true, comments = true } = options;
  if (typeof markdown !== 'boolean' || typeof comments !== 'boolean') {
    throw new TypeError('init: options.markdown and options.comments must be true or false');
  }
  const loads = [];
  if (markdown) loads.push(loadEngine('markdown', options.wasm));
  if (comments) loads.push(loadEngine('comments', options.commentsWasm));
  // Settle both before answering: when one module fails, the other is ready to
  // use by the time the rejection arrives (and a later init() retries the failed one).
  return Promise.allSettled(loads).then((results) => {
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  });
}

const INIT_OPTIONS = ['wasm', 'commentsWasm', 'markdown', 'comments'];

/** Error thrown for a failure of the engine itself (not for invalid user text). */
export class BlogReaderError extends Error {
  /** @param {string} code stable id, e.g. "out_of_memory", "bad_request" @param {string} message */
  constructor(code, message) {
    super(message);
    this.name = 'BlogReaderError';
    this.code = code;
  }
}

// ---- Markdown ---------------------------------------------------------------

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

function describe(value) {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value);
}

function renderFlags(options) {
  const o = { ...RENDER_DEFAULTS, ...options };
  for (const key of Object.keys(options)) {
    if (!(key in RENDER_DEFAULTS)) {
      throw new TypeError(`renderMarkdown: unknown option "${key}" (known: ${Object.keys(RENDER_DEFAULTS).join(', ')})`);
    }
  }
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
  if (typeof o.idPrefix !== 'string') {
    throw new TypeError(`renderMarkdown: options.idPrefix must be a string, got ${describe(o.idPrefix)}`);
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
 * @param {boolean} [options.frontMatter=true] parse a leading `---` block
 * @param {boolean} [options.linkAttributes=true] rel/loading/decoding attributes
 * @param {boolean} [options.allowImages=false] show images in the comment profile
 * @param {boolean} [options.unsafeRawHtml=false] UNSAFE: raw HTML verbatim
 * @param {boolean} [options.unsafeAnyUrlScheme=false] UNSAFE: keep javascript: etc.
 * @returns {{ html: string, toc: {level: number, id: string, text: string}[],
 *   meta: Record<string, unknown>, words: number, readingMinutes: number,
 *   warnings: {line: number|null, code: string, message: string}[] }}
 */
export function renderMarkdown(markdown, options = {}) {
  if (typeof markdown !== 'string' && !(markdown instanceof Uint8Array)) {
    throw new TypeError(`renderMarkdown: markdown must be a string or a Uint8Array, got ${describe(markdown)}`);
  }
  if (options === null || typeof options !== 'object') throw new TypeError('renderMarkdown: options must be an object');
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

// ---- Comments ---------------------------------------------------------------

const COMMENT_FIELDS = ['author', 'email', 'url', 'content', 'honeypot'];
const COMMENT_OPTIONS = ['locale', 'element', 'requireNameEmail', 'messages', 'minSubmitSeconds', 'elapsedSeconds',
  'shownAt', 'maxLinks', 'blockedWords'];

/**
 * The languages to try, best first: explicit option, then the element's or the
 * document's `lang`, then the browser's languages; the engine falls back from
 * `nl-BE` to `nl` and finally to `en`.
 */
export function localeCandidates(options = {}) {
  const candidates = [];
  const add = (tag) => {
    if (typeof tag === 'string' && tag.trim() && !candidates.includes(tag.trim())) candidates.push(tag.trim());
  };
  if (Array.isArray(options.locale)) options.locale.forEach(add);
  else add(options.locale);
  const element = options.element;
  if (element && typeof element.closest === 'function') add(element.closest('[lang]')?.getAttribute('lang'));
  if (typeof document !== 'undefined') add(document.documentElement?.getAttribute('lang'));
  if (typeof navigator !== 'undefined') (navigator.languages ?? [navigator.language]).forEach(add);
  return candidates;
}

function commentOptionsJson(caller, options) {
  if (options === null || typeof options !== 'object') throw new TypeError(`${caller}: options must be an object`);
  for (const key of Object.keys(options)) {
    if (!COMMENT_OPTIONS.includes(key)) throw new TypeError(`${caller}: unknown option "${key}" (known: ${COMMENT_OPTIONS.join(', ')})`);
  }
  const { element, shownAt, locale, ...rest } = options;
  const engineOptions = { ...rest, locale: localeCandidates(options) };
  if (shownAt !== undefined) {
    if (!Number.isFinite(shownAt)) throw new TypeError(`${caller}: options.shownAt must be a time in milliseconds (Date.now()), got ${describe(shownAt)}`);
    if (engineOptions.elapsedSeconds === undefined) engineOptions.elapsedSeconds = (Date.now() - shownAt) / 1000;
  }
  return JSON.stringify(engineOptions);
}

function checkFieldValue(caller, name, value) {
  if (typeof value !== 'string' && !(value instanceof Uint8Array)) {
    throw new TypeError(`${caller}: field "${name}" must be a string or a Uint8Array, got ${describe(value)}`);
  }
}

function engineResult(caller, status, result) {
  if (status !== STATUS.OK) {
    const { code = 'bad_request', message = 'the engine refused the request' } = result.error ?? {};
    throw new TypeError(`${caller}: ${message}`, { cause: new BlogReaderError(code, message) });
  }
  return result;
}

/**
 * Validates a whole comment with the same C++ rules the server runs.
 * A failed validation is a result, not an exception.
 *
 * @param {{author?: string|Uint8Array, email?: string|Uint8Array, url?: string|Uint8Array,
 *   content?: string|Uint8Array, honeypot?: string|Uint8Array}} fields raw values
 *   (bytes are checked as they are: invalid UTF-8 is an error, never repaired;
 *   strings with lone surrogates are reported as `invalid_encoding`).
 * @param {object} [options] `locale` (tag or list), `element` (for its `lang`),
 *   `requireNameEmail` (default true), `messages` ({lang: {key: text}} overrides
 *   or new languages), `minSubmitSeconds` (default 3), `elapsedSeconds` or
 *   `shownAt` (ms timestamp when the form was shown), `maxLinks` (default 2),
 *   `blockedWords` (string[]).
 * @returns {{ valid: boolean, locale: string,
 *   errors: {field: string, code: string, params: object, message: string}[],
 *   normalized: Record<string, string>,
 *   moderation: {verdict: 'accept'|'hold'|'spam', reasons: {code: string, params: object, message: string}[]} }}
 */
export function validateComment(fields, options = {}) {
  if (fields === null || typeof fields !== 'object') throw new TypeError('validateComment: fields must be an object');
  const present = {};
  for (const [name, value] of Object.entries(fields)) {
    if (!COMMENT_FIELDS.includes(name)) throw new TypeError(`validateComment: unknown field "${name}" (known: ${COMMENT_FIELDS.join(', ')})`);
    if (value === undefined || value === null) continue;
    checkFieldValue('validateComment', name, value);
    present[name] = value;
  }
  const { status, result } = callValidateComment(present, commentOptionsJson('validateComment', options));
  return engineResult('validateComment', status, result);
}

/**
 * Validates one field as the reader types (same rules and messages as
 * `validateComment`). `field` is "author", "email", "url" or "content".
 * @returns {{ field: string, valid: boolean, errors: object[], normalized?: string }}
 */
export function validateField(field, value, options = {}) {
  if (!['author', 'email', 'url', 'content'].includes(field)) {
    throw new TypeError(`validateField: field must be "author", "email", "url" or "content", got ${describe(field)}`);
  }
  checkFieldValue('validateField', field, value);
  const { status, result } = callValidateField(field, value, commentOptionsJson('validateField', options));
  return engineResult('validateField', status, result);
}

/**
 * The comment form's texts (title, notes, labels, button, consent, error
 * messages) in the resolved language, with the site owner's overrides.
 * @returns {{ locale: string, messages: Record<string, string> }}
 */
export function formMessages(options = {}) {
  const { status, result } = callFormMessages(commentOptionsJson('formMessages', options));
  return engineResult('formMessages', status, result);
}
