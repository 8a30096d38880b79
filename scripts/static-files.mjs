// Files served from mounted folders, for the demo server (web/demo/server.mjs),
// the browser benchmark (bench/browser.mjs) and the bundle test
// (tests/browser/bundle.test.js): one place that maps a URL path to a file and
// never reaches outside the folders.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/** The Content-Type for a file name, by its extension. */
export function contentType(name) {
  return CONTENT_TYPES[extname(name)] ?? 'application/octet-stream';
}

/**
 * Reads the file that `pathname` names under the first mount whose URL prefix
 * it starts with (a folder's own path gives its index.html).
 * @param {[string, string][]} mounts [URL path prefix, folder] pairs, in order
 * @param {string} pathname a URL's path, percent-encoded
 * @returns {Promise<{ body: Buffer, type: string } | null>} null: no such file
 *   there, a path outside the folder, or a malformed escape
 */
export async function readMounted(mounts, pathname) {
  for (const [prefix, dir] of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    try {
      const file = normalize(join(dir, decodeURIComponent(pathname.slice(prefix.length)) || 'index.html'));
      if (!file.startsWith(dir + sep) || !(await stat(file)).isFile()) return null;
      return { body: await readFile(file), type: contentType(file) };
    } catch {
      return null;
    }
  }
  return null;
}
