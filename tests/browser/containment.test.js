// An article's HTML pasted into a page as a string (a server template, string
// concatenation) must stay inside the element it is pasted into: however its raw
// HTML nests, Chromium's parser must not close any element of the page around
// it. The sanitizer's output is always textually well nested (the fuzzer checks
// that), but a browser closes some elements on its own: a heading start tag
// pops a heading, a <table> start tag in a table pops that table and whatever
// was foster-parented into it, and the sanitizer's later end tags then closed
// the page's own elements (found by review). Every input below is rendered by
// the built package and parsed by Chromium inside five page layouts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { init, renderMarkdown } from '../../dist/index.js';
import { launchBrowser } from '../../scripts/chromium.mjs';

let browser;
before(async () => {
  await init();
  browser = await launchBrowser();
});
after(async () => browser?.close());

// [before the article, after it]: #next must keep the parents it has without an article.
const layouts = {
  div: ['<div class="layout"><div class="post">', '</div><aside id="next">sidebar</aside></div>'],
  li: ['<ul class="feed"><li class="post">', '</li><li id="next">next entry</li></ul>'],
  td: ['<table class="layout"><tr><td class="post">', '</td><td id="next">sidebar</td></tr></table>'],
  blockquote: ['<blockquote class="post">', '</blockquote><p id="next">next</p>'],
  details: ['<details class="post" open>', '</details><p id="next">next</p>'],
  dd: ['<dl class="layout"><dd class="post">', '</dd><dd id="next">next</dd></dl>'],
};

// The review's cases, then every sequence of three tags from a set that holds
// the elements a browser closes by itself, with and without Markdown between.
const cases = [
  '<h2><div><h3><h4>',
  'Intro\n\n<h2><div><h3><h4>x</h4></h3></div></h2>\n\n<div class="notice">Spoofed page notice</div>',
  '# <ul><h5><h3>',
  '<table><table>',
  '<table><div><table>',
  '<table><div><table></table></div>\n\n<table><div><table></table></div>\n\n<p>Outside</p>',
  '<table><caption><div><table>',
  '<table><tr><td><table><div><table>',
  '<table>\n\nparagraph <div><table>\n\n> quote <div><table>',
  '<table><div>\n\n| a |\n| - |\n| b |\n\n</div>',
  '<ul><li><table><div><table></table></div>\n\n<p>x</p>',
  '<div><ruby><dl><dd><rt>x</rt></dd></dl></ruby></div>',
  '<div><ruby><ul><li><rp>(<rt>x',
];
const tags = ['<table>', '<tr>', '<td>', '<caption>', '<div>', '<h2>', '<h3>', '<ul>', '<li>', '<blockquote>',
  '<p>', '<span>', '</div>', '</h3>', '</table>', '</td>', '<dl>', '<dd>', '<ruby>', '<rt>'];
for (const a of tags) {
  for (const b of tags) {
    for (const c of tags) {
      cases.push(`${a}${b}${c}x`, `${a}\n\n${b}text\n\n${c}`);
    }
  }
}

test(`article HTML pasted as a string never closes the page's elements (${cases.length} inputs x ${Object.keys(layouts).length} layouts)`, async () => {
  const page = await browser.newPage();
  const htmls = cases.map((md) => renderMarkdown(md).html);
  const escapes = await page.evaluate(([htmls, layouts]) => {
    const parser = new DOMParser();
    const parents = (html, [open, close]) => {
      const doc = parser.parseFromString(`<!doctype html><body>${open}${html}${close}`, 'text/html');
      const path = [];
      for (let node = doc.getElementById('next'); node; node = node.parentElement) {
        path.push(node.localName + (node.className ? `.${node.className}` : ''));
      }
      return path.join('<');
    };
    const found = [];
    for (const [name, layout] of Object.entries(layouts)) {
      const expected = parents('', layout);
      htmls.forEach((html, i) => {
        const got = parents(html, layout);
        if (got !== expected && found.length < 10) found.push({ layout: name, input: i, html, got, expected });
      });
    }
    return found;
  }, [htmls, layouts]);
  const described = escapes.map((e) => `${e.layout}: ${JSON.stringify(cases[e.input])} -> ${JSON.stringify(e.html)}: #next ${e.got}, expected ${e.expected}`);
  assert.deepEqual(described, []);
  assert.deepEqual(page.errors, []);
});
