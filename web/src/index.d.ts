// Type declarations for blog-reader-wasm (hand-written; the JSDoc in
// web/src/index.js is the reference).

/**
 * Where a .wasm module comes from. A string is resolved against the page in a
 * browser (as fetch() does) and is a file path from the working directory in
 * Node (as fs reads it) unless it has a scheme (file:, https:...).
 */
export type WasmSource = string | URL | Response | Promise<Response> | ArrayBuffer | ArrayBufferView | WebAssembly.Module;
export interface InitOptions {
  /** The Markdown engine's location or bytes; default: blog-reader.wasm next to this module. */
  wasm?: WasmSource;
  /** The comment validator's location or bytes; default: blog-reader-comments.wasm next to this module. */
  commentsWasm?: WasmSource;
  /** false: do not load the comment validator (default true). */
  comments?: boolean;
  /** false: do not load the Markdown engine (default true). */
  markdown?: boolean;
}
/** Loads both engine modules in parallel, each once; idempotent. */
export function init(options?: InitOptions): Promise<void>;

export class BlogReaderError extends Error {
  readonly code: string;
  constructor(code: string, message: string);
}

export interface RenderOptions {
  profile?: 'article' | 'comment';
  gfm?: boolean;
  headingIds?: boolean;
  headingAnchors?: boolean;
  idPrefix?: string;
  tocLevels?: number[];
  wordsPerMinute?: number;
  /** Parse a leading `---` block into `meta` (default true). Article profile only: in a comment those lines are the commenter's text. */
  frontMatter?: boolean;
  linkAttributes?: boolean;
  allowImages?: boolean;
  /** UNSAFE: raw HTML verbatim. */
  unsafeRawHtml?: boolean;
  /** UNSAFE: keep javascript:, data: and every other URL scheme. */
  unsafeAnyUrlScheme?: boolean;
}
export interface TocEntry { level: number; id: string; text: string }
/**
 * A problem the site owner should fix; the article still renders. `line` is 1-based in the whole
 * document (front matter included), null when unknown: a url_dropped warning for a Markdown
 * destination written with an escape or a character reference; and, since lines are counted in
 * one pass and a Markdown link is reported where it begins (with its destination's line), any
 * warning from the text of a link whose URL is refused, or between a reference link whose refused
 * URL is defined further down and that definition. Codes: front_matter_unclosed,
 * front_matter_syntax, front_matter_unsupported, front_matter_duplicate_key, url_dropped (a
 * link's, image's or raw HTML URL whose scheme is not allowed), tag_dropped (a raw HTML start
 * tag left out: an element that is not allowed, like `<iframe>`, or one not allowed where it
 * stands, like `<li>` outside a list), attribute_dropped (an attribute left out of a raw HTML
 * tag, like `<p style>`), warnings_truncated (after 100). Raw HTML warnings have the line
 * their tag begins on (or null, as above).
 */
export interface RenderWarning { line: number | null; code: string; message: string }
export interface RenderResult {
  html: string;
  toc: TocEntry[];
  meta: Record<string, unknown>;
  words: number;
  readingMinutes: number;
  warnings: RenderWarning[];
}
export function renderMarkdown(markdown: string | Uint8Array, options?: RenderOptions): RenderResult;
/** UNSAFE: plain CommonMark output for conformance tests. */
export const UNSAFE_COMMONMARK_OPTIONS: Readonly<RenderOptions>;

export type CommentFieldName = 'author' | 'email' | 'url' | 'content';
export type FieldValue = string | Uint8Array;
export interface CommentFields {
  author?: FieldValue; email?: FieldValue; url?: FieldValue; content?: FieldValue; honeypot?: FieldValue;
}
export interface CommentOptions {
  locale?: string | string[];
  element?: Element;
  requireNameEmail?: boolean;
  messages?: Record<string, Record<string, string>>;
  minSubmitSeconds?: number;
  elapsedSeconds?: number;
  /** Date.now() when the form was shown. */
  shownAt?: number;
  maxLinks?: number;
  blockedWords?: string[];
}
export interface ValidationError {
  field: CommentFieldName;
  code: string;
  params: Record<string, unknown>;
  message: string;
}
export interface ModerationReason { code: string; params: Record<string, unknown>; message: string }
export interface CommentValidation {
  valid: boolean;
  locale: string;
  errors: ValidationError[];
  normalized: Partial<Record<CommentFieldName, string>>;
  moderation: { verdict: 'accept' | 'hold' | 'spam'; reasons: ModerationReason[] };
}
export interface FieldValidation {
  field: CommentFieldName;
  valid: boolean;
  errors: ValidationError[];
  normalized?: string;
}
export function validateComment(fields: CommentFields, options?: CommentOptions): CommentValidation;
export function validateField(field: CommentFieldName, value: FieldValue, options?: CommentOptions): FieldValidation;
export function formMessages(options?: CommentOptions): { locale: string; messages: Record<string, string> };
export function localeCandidates(options?: CommentOptions): string[];

export const RENDER_FLAGS: Readonly<Record<string, number>>;
export const STATUS: Readonly<{ OK: 0; ERROR_OUT_OF_MEMORY: -1; ERROR_BAD_REQUEST: -2 }>;
