// blog-reader-wasm public API: `await init()`, then everything is synchronous.
//
//   import { init, renderMarkdown, validateComment } from 'blog-reader-wasm';
//   await init();
//   const { html, toc, meta } = renderMarkdown(text);

import { STATUS } from './constants.js';
import { MARKDOWN_ENGINE, loadEngine } from './wasm.js';
import { COMMENT_VALIDATOR, callValidateComment, callValidateField, callFormMessages } from './wasm-comments.js';
import { BlogReaderError, checkOptions, describe, settle } from './common.js';

export { RENDER_FLAGS, STATUS, BlogReaderError, renderMarkdown, UNSAFE_COMMONMARK_OPTIONS } from './markdown.js';

/**
 * Loads the WebAssembly engine: the Markdown engine (`blog-reader.wasm`) and the
 * comment validator (`blog-reader-comments.wasm`), in parallel. Idempotent: call
 * it as often as you like; each module is fetched and compiled once, and a
 * later call loads only what an earlier one left out.
 *
 * @param {object} [options]
 * @param {string | URL | Response | Promise<Response> | ArrayBuffer | ArrayBufferView | WebAssembly.Module} [options.wasm]
 *   The Markdown engine's location (by default the file `blog-reader.wasm` next
 *   to this module) or its bytes. A string is resolved against the page in a
 *   browser, as fetch() does; in Node, without a scheme, it is a file path from
 *   the working directory. A module that is not the Markdown engine (the two
 *   files swapped) is refused.
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
  checkOptions('init', options, ['wasm', 'commentsWasm', 'markdown', 'comments']);
  const { markdown = true, comments = true } = options;
  if (typeof markdown !== 'boolean' || typeof comments !== 'boolean') {
    throw new TypeError('init: options.markdown and options.comments must be true or false');
  }
  const loads = [];
  if (markdown) loads.push(loadEngine(MARKDOWN_ENGINE, options.wasm));
  if (comments) loads.push(loadEngine(COMMENT_VALIDATOR, options.commentsWasm));
  return settle(loads);
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
  checkOptions(caller, options, COMMENT_OPTIONS);
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
