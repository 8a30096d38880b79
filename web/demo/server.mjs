// The demo site: serves the demo page, the built package (dist/) and the posts,
// and validates posted comments on the server with the very same engine the
// browser uses. Start it with `npm start`; PORT=... picks another port.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { init, validateComment } from '../../dist/index.js';
import { readMounted } from '../../scripts/static-files.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const MAX_BODY = 256 * 1024;

// URL path prefix -> folder; nothing outside these folders is ever served.
const MOUNTS = [
  ['/dist/', join(root, 'dist')],
  ['/posts/', join(root, 'web/demo/posts')],
  ['/', join(root, 'web/demo')],
];

/** Comments accepted or held during this run (a demo: kept in memory). */
const comments = [];

await init();

async function serveFile(res, pathname) {
  const file = await readMounted(MOUNTS, pathname);
  if (file) {
    res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-cache' });
    res.end(file.body);
    return;
  }
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`Not found: ${pathname}\n`);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(Object.assign(new Error(`request body over ${MAX_BODY} bytes`), { status: 413 }));
        req.destroy();
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

// The server never trusts the browser: it validates again. Field values reach the
// engine as raw bytes (a JSON body's strings are already decoded by JSON.parse, so
// lone surrogates written as \uD800 escapes are still caught as invalid_encoding).
async function postComment(req, res) {
  let payload;
  try {
    payload = JSON.parse((await readBody(req)).toString('utf8'));
  } catch (error) {
    return sendJson(res, error.status ?? 400, { error: { code: 'bad_request', message: `body must be JSON: ${error.message}` } });
  }
  const { fields = {}, locale, shownAt } = payload ?? {};
  const strings = {};
  for (const name of ['author', 'email', 'url', 'content', 'honeypot']) {
    if (typeof fields[name] === 'string') strings[name] = fields[name];
  }
  const result = validateComment(strings, {
    locale: typeof locale === 'string' ? [locale, req.headers['accept-language']?.split(',')[0] ?? 'en'] : undefined,
    elapsedSeconds: Number.isFinite(shownAt) ? (Date.now() - shownAt) / 1000 : undefined,
  });
  if (result.valid && result.moderation.verdict !== 'spam') {
    comments.push({ ...result.normalized, verdict: result.moderation.verdict, at: new Date().toISOString() });
  }
  sendJson(res, result.valid ? 200 : 422, result);
}

function sendJson(res, status, value) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}

const server = createServer(async (req, res) => {
  const { pathname } = new URL(req.url, 'http://localhost');
  try {
    if (pathname === '/api/comments' && req.method === 'POST') return await postComment(req, res);
    if (pathname === '/api/comments' && req.method === 'GET') return sendJson(res, 200, comments.filter((c) => c.verdict === 'accept'));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      return res.end();
    }
    await serveFile(res, pathname);
  } catch (error) {
    sendJson(res, 500, { error: { code: 'internal', message: error.message } });
  }
});

server.listen(port, host, () => {
  // The real port is printed (PORT=0 picks a free one; the browser tests use that).
  const { port: actual } = server.address();
  console.log(`blog-reader demo: http://${host === '0.0.0.0' ? 'localhost' : host}:${actual}/`);
});
