// Loads the built package the way a consumer does: through the package's own
// name and its exports map (the package is its own dependency via "exports"
// self-reference), so the tests exercise dist/, not the sources.
import { init } from 'blog-reader-wasm';

export * from 'blog-reader-wasm';
export const ready = init();
