// Type declarations for 'blog-reader-wasm/markdown', the Markdown engine alone
// (web/src/markdown.js). The same functions as the package root, whose
// declarations (index.d.ts) document them; init() here loads only blog-reader.wasm.
import type { WasmSource } from './index.js';

export type { WasmSource, RenderOptions, RenderResult, TocEntry, RenderWarning } from './index.js';
export { BlogReaderError, renderMarkdown, UNSAFE_COMMONMARK_OPTIONS, RENDER_FLAGS, STATUS } from './index.js';

export interface MarkdownInitOptions {
  /** The Markdown engine's location or bytes; default: blog-reader.wasm next to this module. */
  wasm?: WasmSource;
}
/** Loads the Markdown engine once; idempotent. */
export function init(options?: MarkdownInitOptions): Promise<void>;
