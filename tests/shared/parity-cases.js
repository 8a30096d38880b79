// Calls that must give byte-identical results in Node and in a browser: the
// server re-validates what the browser checked, so both must agree exactly.
// Plain data plus one function over the public API, so that the Node test and
// the page run the very same code (the browser test passes this file's text
// into the page as a module).

/** Raw bytes are written as number arrays so that the cases are plain JSON. */
export const PARITY_CASES = [
  ['comment', { author: 'Jan de Vries', email: 'jan@voorbeeld.nl', url: 'https://voorbeeld.nl/blog', content: 'Mooi stuk!' }, { locale: 'nl', elapsedSeconds: 20 }],
  ['comment', { author: '  ', email: 'jan@bücher.de', url: 'javascript:alert(1)', content: 'a\uD800b', honeypot: 'x' }, { locale: 'nl-BE', elapsedSeconds: 1 }],
  ['comment', { author: 'Zoë 😀', email: 'zoë@example.nl', url: 'https://bücher.de/straße?q=ü#top', content: 'see https://a.nl and www.b.nl' }, { locale: ['fr-CA'], elapsedSeconds: 9, blockedWords: ['casino'] }],
  ['comment', { author: 'é'.repeat(123), email: 'a'.repeat(65) + '@x.nl', content: 'x'.repeat(65526) }, { locale: 'de', elapsedSeconds: 5 }],
  ['comment', { content: 'Anoniem' }, { requireNameEmail: false, elapsedSeconds: 5, messages: { pt: { required: '{field} é obrigatório.' } }, locale: 'pt' }],
  ['field', 'author', 'Jan\u202Eseirv', { locale: 'en' }],
  ['field', 'author', { bytes: [0x48, 0x69, 0xc3, 0x28] }, { locale: 'nl' }],
  ['field', 'email', ' jan @example.nl ', { locale: 'fr' }],
  ['field', 'url', 'https://user:pw@x.nl/', { locale: 'de' }],
  ['field', 'url', 'https://münchen.de/ä ö', { locale: 'en' }],
  ['field', 'content', 'bel\u0007', { locale: 'nl' }],
  ['messages', { locale: 'nl' }],
  ['messages', { locale: 'de', messages: { de: { 'form.title': 'Ihre Meinung' } } }],
  ['markdown', '---\ntitle: Café\ntags: [a, b]\n---\n# Kop &amp; één\n\n[x](javascript:alert(1)) <script>x</script> <b onclick="y">b</b>\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n- [x] klaar\n', {}],
  ['markdown', 'Zie <a href="https://x.nl" onclick="e">x</a> en ![img](https://x.nl/i.png) **vet**', { profile: 'comment' }],
];

/** Runs every case through the API; returns one JSON string per case. */
export function runParityCases(api) {
  const value = (v) => (v && typeof v === 'object' && Array.isArray(v.bytes) ? new Uint8Array(v.bytes) : v);
  return PARITY_CASES.map((c) => {
    switch (c[0]) {
      case 'comment':
        return JSON.stringify(api.validateComment(Object.fromEntries(Object.entries(c[1]).map(([k, v]) => [k, value(v)])), c[2]));
      case 'field':
        return JSON.stringify(api.validateField(c[1], value(c[2]), c[3]));
      case 'messages':
        return JSON.stringify(api.formMessages(c[1]));
      default:
        return JSON.stringify(api.renderMarkdown(c[1], c[2]));
    }
  });
}
