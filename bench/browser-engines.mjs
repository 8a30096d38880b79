// The page side of bench/browser.mjs: loads every engine into the browser page
// and measures them with bench/measure.mjs, the method bench/throughput.mjs
// uses in Node. The engines are the same builds with the same options as in
// bench/throughput.mjs; every one returns a JS string.
import { md4cHtmlModule, MD4C_HTML_HOW } from './md4c-html-engine.mjs';
import { measureInput } from './measure.mjs';

/** @type {{ name: string, how: string, render: (md: string) => string }[]} */
const engines = [];

/**
 * Loads the engines; `distUrl` is where ours is served (dist/ or a variant).
 * @returns {Promise<{ name: string, how: string }[]>}
 */
export async function loadEngines(distUrl, only) {
  const br = await import(new URL('index.js', distUrl).href);
  await br.init();
  engines.push(
    { name: 'ours', how: 'blog-reader-wasm renderMarkdown(md).html, default options (article profile)', render: (md) => br.renderMarkdown(md).html },
    { name: 'ours-cm', how: 'blog-reader-wasm with UNSAFE_COMMONMARK_OPTIONS (plain CommonMark)', render: (md) => br.renderMarkdown(md, br.UNSAFE_COMMONMARK_OPTIONS).html },
  );
  // md4w keeps its instance in module state: a query string per build gives
  // each its own module instance, as in bench/throughput.mjs.
  for (const mode of ['fast', 'small']) {
    const md4w = await import(`/node_modules/md4w/js/md4w.js?bench=${mode}`);
    md4w.initWasm(await WebAssembly.compileStreaming(fetch(`/node_modules/md4w/js/md4w-${mode}.wasm`)));
    engines.push({ name: `md4w-${mode}`, how: `md4w 0.2.7 mdToHtml(md) with md4w-${mode}.wasm`, render: (md) => md4w.mdToHtml(md) });
  }
  // md4c + md4c-html as released (bench/md4c_html.cpp), served by bench/browser.mjs;
  // left out when not built (bash scripts/build.sh --bench builds it).
  const stock = await fetch('/build/wasm/md4c-html-stock.wasm');
  if (stock.ok) {
    engines.push({ name: 'md4c-html', how: MD4C_HTML_HOW, render: (await md4cHtmlModule(await WebAssembly.compileStreaming(stock))).render });
  }
  // markdown-wasm fetches "markdown.wasm" next to the page; the server maps that.
  const mdw = await import('/node_modules/markdown-wasm/dist/markdown.es.js');
  await mdw.ready;
  engines.push({ name: 'markdown-wasm', how: 'markdown-wasm 1.2.0 parse(md), string output', render: (md) => mdw.parse(md) });
  // markdown-it and marked, bundled for the browser by esbuild (bench/browser.mjs).
  const { MarkdownIt, Marked } = await import('/bench/js-engines.js');
  const mdit = new MarkdownIt();
  const marked = new Marked();
  engines.push(
    { name: 'markdown-it', how: 'markdown-it 15.0.3 new MarkdownIt().render(md), default preset', render: (md) => mdit.render(md) },
    { name: 'marked', how: 'marked 18.2.1 new Marked().parse(md), defaults', render: (md) => marked.parse(md) },
  );
  if (only) engines.splice(0, engines.length, ...engines.filter((e) => only.includes(e.name)));
  return engines.map(({ name, how }) => ({ name, how }));
}

/** Measures the loaded engines on one input ({ name, docs, bytes }). */
export function measure(input, cfg) {
  return measureInput(engines, input, cfg);
}
