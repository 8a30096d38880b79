// renderMarkdown through the built package (dist/), as an npm consumer uses it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { decodeHTMLAttribute } from 'entities';
import { ready, init, renderMarkdown, UNSAFE_COMMONMARK_OPTIONS } from './helpers/engine.js';

await ready;

test('init() is idempotent and resolves the same engine', async () => {
  await Promise.all([init(), init(), init({})]);
  assert.equal(renderMarkdown('*x*').html, '<p><em>x</em></p>\n');
});

test('the seed article renders with front matter, toc, reading time', async () => {
  const md = await readFile(new URL('../../web/demo/posts/samenwerken.md', import.meta.url), 'utf8');
  const r = renderMarkdown(md, { tocLevels: [2, 3] });
  assert.equal(r.meta.lang, 'nl');
  assert.equal(r.meta.author, 'Redactie');
  assert.match(r.meta.title, /^Samenwerken/);
  assert.deepEqual(r.meta.tags, ['samenwerking', 'dienstverlening', 'klantbeleving']);
  assert.deepEqual(r.toc.map((t) => t.id), ['samenwerken-als-onderwerp-van-gesprek', 'samenwerken-en-de-betekenis',
    'gezamenlijk-resultaat', 'eigen-kwaliteiten']);
  // An independent count: the body's white-space separated tokens that hold a letter or digit.
  const body = md.slice(md.indexOf('\n---\n', 4) + 5);
  const tokens = body.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t));
  // The engine splits "1+1", "diensten/producten" and "(IT-)dienstverlener" in two,
  // which a plain split on white space does not: allow that small difference.
  assert.ok(Math.abs(r.words - tokens.length) <= 6, `engine ${r.words} words, white-space split ${tokens.length}`);
  assert.equal(r.readingMinutes, Math.ceil(r.words / 200));
  assert.match(r.html, /<blockquote>\n<p>Bijdragen aan een gezamenlijk resultaat/);
  assert.doesNotMatch(r.html, /^---/m);
  assert.deepEqual(r.warnings, []);
});

test('result shape and option validation', () => {
  const r = renderMarkdown('# Hi');
  assert.deepEqual(Object.keys(r).sort(), ['html', 'meta', 'readingMinutes', 'toc', 'warnings', 'words']);
  assert.throws(() => renderMarkdown(42), { name: 'TypeError', message: /markdown must be a string or a Uint8Array/ });
  assert.throws(() => renderMarkdown('x', { profile: 'admin' }), /options.profile must be "article" or "comment", got "admin"/);
  assert.throws(() => renderMarkdown('x', { headingIDs: true }), /unknown option "headingIDs"/);
  assert.throws(() => renderMarkdown('x', { tocLevels: [7] }), /tocLevels must be an array of heading levels 1-6, got \[7\]/);
  assert.throws(() => renderMarkdown('x', { tocLevels: ['1', 2] }), /got \["1",2\]/);
  assert.throws(() => renderMarkdown('x', { tocLevels: [1n] }), /tocLevels must be an array of heading levels 1-6, got an array/);
  assert.throws(() => renderMarkdown('x', { wordsPerMinute: 0 }), /wordsPerMinute must be a whole number/);
  assert.throws(() => renderMarkdown('x', { gfm: 'yes' }), /options.gfm must be true or false, got "yes"/);
  assert.throws(() => renderMarkdown('x', { idPrefix: 'my post-' }), /options.idPrefix must be a string without spaces, got "my post-"/);
  assert.throws(() => renderMarkdown('x', { idPrefix: 'a\vb' }), /options.idPrefix must be a string without spaces/);
});

test('regression (review): an option given as undefined keeps its default', () => {
  const config = {};
  const r = renderMarkdown('# A\n| a |\n|---|\n| b |', { gfm: undefined, idPrefix: config.prefix, tocLevels: undefined, profile: undefined });
  assert.deepEqual(r, renderMarkdown('# A\n| a |\n|---|\n| b |'));
  assert.match(r.html, /<h1 id="a">A<\/h1>\n<table>/);
});

test('comment profile: HTML as text, user-content links, no images', () => {
  const { html } = renderMarkdown('<img src=x onerror=alert(1)> [me](https://me.test) ![i](https://x.test/i.png)', { profile: 'comment' });
  assert.equal(html, '<p>&lt;img src=x onerror=alert(1)&gt; <a href="https://me.test" rel="nofollow ugc noopener noreferrer">me</a> i</p>\n');
});

test('article profile: unsafe URLs dropped with a warning, raw HTML sanitized', () => {
  const r = renderMarkdown('[x](javascript:alert(1)) <a href="jav&#x09;ascript:alert(1)">y</a> <img src=x onerror=alert(1)>');
  assert.doesNotMatch(r.html, /javascript|onerror|jav/i);
  assert.equal(r.warnings[0].code, 'url_dropped');
  // Each with its line in the whole document; null where md4c gives no position.
  const lines = renderMarkdown('---\ntitle: t\n---\nx\n\n![i](data:x)\n<a href="vbscript:y">z</a> [e](javascript\\:x)').warnings;
  assert.deepEqual(lines.map((w) => [w.line, w.code]), [[6, 'url_dropped'], [7, 'url_dropped'], [null, 'url_dropped']]);
});

test('article profile: raw HTML that loses a tag or an attribute gets a warning naming it, with its line', () => {
  // What a site owner pastes from elsewhere: an embed, inline styles, a target.
  const md = '# Post\n\n<iframe src="https://www.youtube.com/embed/x" allowfullscreen></iframe>\n\n' +
    'Read <a href="https://x.example/" target="_blank">this</a>.\n\n<p style="color: red">Red</p>\n\n<li>stray</li>\n\n' +
    '<img src="/a.png" loading="lazy" decoding="async" srcset="/a-2x.png 2x">\n\n<div\nclass="note"\n\nText\n';
  const { html, warnings } = renderMarkdown(md);
  assert.doesNotMatch(html, /iframe|target|style|<li/);
  assert.deepEqual(warnings.map((w) => [w.line, w.code, w.message]), [
    [3, 'tag_dropped', 'a raw HTML tag was removed because it is not allowed: <iframe>'],
    [5, 'attribute_dropped', 'a raw HTML attribute was removed because it or its value is not allowed: <a target>'],
    [7, 'attribute_dropped', 'a raw HTML attribute was removed because it or its value is not allowed: <p style>'],
    [9, 'tag_dropped', 'a raw HTML tag was removed because it is not allowed there: <li>'],
    [11, 'attribute_dropped', 'a raw HTML attribute was removed because it or its value is not allowed: <img srcset>'],
    [13, 'tag_dropped', "a raw HTML tag was removed because its '>' is missing: <div>"],
  ]);
  // A tag name cut at 16 bytes inside a character still gives valid JSON (the cut one is U+FFFD).
  // (Inside an HTML block: CommonMark takes only ASCII tag names for inline HTML.)
  const cut = renderMarkdown(`<div>\n<x${'é'.repeat(8)}>t\n</div>`).warnings;
  assert.equal(cut[0].message, `a raw HTML tag was removed because it is not allowed: <x${'é'.repeat(7)}\uFFFD>`);
  assert.deepEqual(renderMarkdown(md, { profile: 'comment' }).warnings, []);
  // A link whose URL is refused is reported where it begins, with its destination's line; the raw
  // HTML in its text comes after it and has no line (lines are counted in one pass: README).
  assert.deepEqual(renderMarkdown('Intro\n\n[<span style="x">t</span>\nmore](javascript:1) <i title=y onclick=z>i</i>\n').warnings
    .map((w) => [w.line, w.code]), [[4, 'url_dropped'], [null, 'attribute_dropped'], [4, 'attribute_dropped']]);
});

test('raw HTML: a kept URL is the one the browser would have followed (WHATWG URL)', () => {
  // The filter judges a URL as the browser parses it; the written attribute must
  // lead the browser to that same URL. Percent-encoded, " https://x/" became a
  // relative "%20https://x/" and "http:\\\\x" an invalid URL (found by review).
  const base = 'https://blog.example/post/';
  const resolve = (v) => { try { return new URL(v, base).href; } catch { return '(invalid)'; } };
  for (const typed of [' https://x.example/ ', 'https://x.example/a&Tab;b&#10;c', 'http:\\\\x.example\\p', '\\\\x.example',
    'https://[::1]:8080/', '/caf&eacute;?q=a b&amp;r=~|^`{}', '&#xFF4A;avascript:x', '#f&quot;&lt;', 'mailto:&#97;@b.example']) {
    const html = renderMarkdown(`<a href="${typed}">t</a>`).html;
    const written = /href="([^"]*)"/.exec(html)?.[1];
    assert.notEqual(written, undefined, typed);
    assert.equal(resolve(decodeHTMLAttribute(written)), resolve(decodeHTMLAttribute(typed)), typed);
  }
});

test('UNSAFE_COMMONMARK_OPTIONS gives plain CommonMark HTML', () => {
  assert.equal(renderMarkdown('# A\n<b>x</b> [l](javascript:x)', UNSAFE_COMMONMARK_OPTIONS).html,
    '<h1>A</h1>\n<p><b>x</b> <a href="javascript:x">l</a></p>\n');
  assert.ok(Object.isFrozen(UNSAFE_COMMONMARK_OPTIONS));
});

test('raw bytes: invalid UTF-8 and NUL become U+FFFD', () => {
  const { html } = renderMarkdown(new Uint8Array([0x61, 0xff, 0x62, 0x00, 0x63]));
  assert.equal(html, '<p>a\uFFFDb\uFFFDc</p>\n');
  assert.equal(renderMarkdown('lone \uD800 surrogate').html, '<p>lone \uFFFD surrogate</p>\n');
});

test('large output decodes correctly across 32 KiB pieces (multi-byte characters at the seams)', () => {
  const line = 'één 😀 日本語 '.repeat(2000);
  const { html } = renderMarkdown(line.repeat(20));
  assert.equal(html, `<p>${line.repeat(20).trimEnd()}</p>\n`);
});

test('heading anchors, id prefix and toc levels', () => {
  const r = renderMarkdown('# Top\n## Één ding\n### Deep', { headingAnchors: true, idPrefix: 'p-', tocLevels: [2] });
  assert.deepEqual(r.toc, [{ level: 2, id: 'p-één-ding', text: 'Één ding' }]);
  assert.match(r.html, /<h2 id="p-één-ding">Één ding <a class="heading-anchor" href="#p-%C3%A9%C3%A9n-ding"/);
});
