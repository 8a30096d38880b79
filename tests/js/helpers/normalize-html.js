// HTML normalization for the CommonMark conformance test, after the spec's own
// test/normalize.py: it makes equivalent HTML compare equal (attribute order,
// character references vs. characters, self-closing slashes, white space next
// to block tags) without hiding real differences in structure or text.
import { decodeHTML, decodeHTMLAttribute } from 'entities';

const BLOCK_TAGS = new Set(['article', 'header', 'aside', 'hgroup', 'blockquote', 'hr', 'iframe', 'body', 'li',
  'map', 'button', 'object', 'canvas', 'ol', 'caption', 'output', 'col', 'p', 'colgroup', 'pre', 'dd', 'progress',
  'section', 'dl', 'table', 'td', 'dt', 'tbody', 'embed', 'textarea', 'fieldset', 'tfoot', 'figcaption', 'th',
  'figure', 'thead', 'footer', 'tr', 'form', 'ul', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'video', 'script', 'style']);

const escapeText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// One token: a comment, CDATA, declaration, processing instruction, start or end
// tag, or text up to the next '<' that starts one of those.
const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![A-Za-z][^>]*>|<\?[\s\S]*?\?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>|<[A-Za-z][A-Za-z0-9-]*(?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>|[^<]+|</g;
const ATTRIBUTE = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export function normalizeHtml(html) {
  let output = '';
  let last = 'starttag';
  let lastTag = '';
  let inPre = false;
  for (const [token] of html.matchAll(TOKEN)) {
    if (token.startsWith('<!--') || token.startsWith('<![CDATA[') || (token.startsWith('<!') && token.length > 2) ||
        (token.startsWith('<?') && token.length > 2)) {
      output += token;
      last = 'other';
    } else if (token.startsWith('</') && token.length > 2) {
      const tag = token.slice(2).replace(/[\s>]/g, '').toLowerCase();
      if (tag === 'pre') inPre = false;
      else if (BLOCK_TAGS.has(tag)) output = output.trimEnd();
      output += `</${tag}>`;
      lastTag = tag;
      last = 'endtag';
    } else if (token.startsWith('<') && token.length > 1) {
      const selfClosing = token.endsWith('/>');
      const inner = token.slice(1, selfClosing ? -2 : -1);
      const tag = inner.match(/^[A-Za-z][A-Za-z0-9-]*/)[0].toLowerCase();
      const attributes = [];
      for (const m of inner.slice(tag.length).matchAll(ATTRIBUTE)) {
        const value = m[2] ?? m[3] ?? m[4];
        attributes.push([m[1].toLowerCase(), value === undefined ? null : decodeHTMLAttribute(value)]);
      }
      attributes.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      if (tag === 'pre') inPre = true;
      if (BLOCK_TAGS.has(tag)) output = output.trimEnd();
      output += `<${tag}${attributes.map(([k, v]) => (v === null ? ` ${k}` : ` ${k}="${escapeText(v)}"`)).join('')}>`;
      lastTag = tag;
      last = selfClosing ? 'endtag' : 'starttag';
    } else {
      let data = decodeHTML(token);
      const afterTag = last === 'endtag' || last === 'starttag';
      const afterBlockTag = afterTag && BLOCK_TAGS.has(lastTag);
      if (afterTag && lastTag === 'br') data = data.replace(/^\n+/, '');
      if (!inPre) data = data.replace(/\s+/g, ' ');
      if (afterBlockTag && !inPre) data = last === 'starttag' ? data.trimStart() : data.trim();
      output += escapeText(data);
      last = 'data';
    }
  }
  return output;
}
