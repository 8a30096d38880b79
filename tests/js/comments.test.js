// Node tests of the comment validation API against the built package: the same
// calls a server makes on a posted form, and the browser makes as the reader types.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ready, validateComment, validateField, formMessages } from './helpers/engine.js';

const GOOD = Object.freeze({
  author: 'Jan de Vries',
  email: 'jan@voorbeeld.nl',
  url: 'https://voorbeeld.nl/blog',
  content: 'Dank voor dit heldere stuk!',
  honeypot: '',
});
const CALM = { elapsedSeconds: 30 }; // a human took 30 s: no too_fast signal

const codes = (result, field) => result.errors.filter((e) => !field || e.field === field).map((e) => e.code);

test('a good Dutch comment is valid, accepted and normalized', async () => {
  await ready;
  const result = validateComment(GOOD, { ...CALM, locale: 'nl' });
  assert.equal(result.valid, true);
  assert.equal(result.locale, 'nl');
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.moderation, { verdict: 'accept', reasons: [] });
  assert.deepEqual(result.normalized, {
    author: 'Jan de Vries', email: 'jan@voorbeeld.nl', url: 'https://voorbeeld.nl/blog', content: 'Dank voor dit heldere stuk!',
  });
});

test('every error has field, code, params and a message in the chosen language', async () => {
  await ready;
  const result = validateComment({ author: ' \u200B ', email: 'jan', url: 'javascript:alert(1)', content: '' }, { ...CALM, locale: 'nl-BE' });
  assert.equal(result.valid, false);
  assert.equal(result.locale, 'nl', 'nl-BE falls back to nl');
  assert.deepEqual(codes(result), ['no_visible_character', 'invalid_email', 'url_scheme_not_allowed', 'required']);
  for (const error of result.errors) {
    assert.equal(typeof error.message, 'string');
    assert.ok(error.message.length > 5, `message for ${error.code}`);
    assert.equal(typeof error.params, 'object');
  }
  assert.match(result.errors[0].message, /Naam/);
  assert.deepEqual(result.errors[2].params, { scheme: 'javascript' });
});

test('lengths are counted in UTF-8 bytes, as the database stores them, and the message says so', async () => {
  await ready;
  // 'é' is 2 bytes: 122 of them are 244 bytes (fits), 123 are 246 (one over 245).
  assert.deepEqual(validateField('author', 'é'.repeat(122)).errors, []);
  const over = validateField('author', 'é'.repeat(123), { locale: 'en' });
  assert.deepEqual(over.errors.map((e) => [e.code, e.params]), [['too_long', { max: 245, actual: 246, unit: 'bytes' }]]);
  assert.match(over.errors[0].message, /246/);
  assert.match(over.errors[0].message, /245/);
  // The comment body: 65525 bytes at most, emoji are 4 bytes each.
  assert.deepEqual(validateField('content', 'a'.repeat(65525)).errors, []);
  assert.deepEqual(codes(validateField('content', '😀'.repeat(16382))), ['too_long']); // 65528 bytes
});

test('lone surrogates in JS strings reach the rules as invalid_encoding, never as U+FFFD', async () => {
  await ready;
  for (const field of ['author', 'content']) {
    const result = validateField(field, `ab\uD83Dcd`);
    assert.deepEqual(codes(result), ['invalid_encoding'], field);
  }
  const whole = validateComment({ ...GOOD, content: 'x\uDC00' }, CALM);
  assert.deepEqual(codes(whole, 'content'), ['invalid_encoding']);
  // A well-formed pair is fine.
  assert.deepEqual(validateField('content', 'ok 😀').errors, []);
});

test('raw bytes (an unparsed request body field) are checked as they are', async () => {
  await ready;
  const invalid = new Uint8Array([0x48, 0x69, 0xc3, 0x28]); // "Hi" + a broken 2-byte sequence
  assert.deepEqual(codes(validateField('content', invalid)), ['invalid_encoding']);
  const overlong = new Uint8Array([0xc0, 0xaf]); // overlong '/'
  assert.deepEqual(codes(validateComment({ ...GOOD, author: overlong }, CALM), 'author'), ['invalid_encoding']);
  const good = new TextEncoder().encode('Zoë');
  assert.deepEqual(validateField('author', good).errors, []);
});

test('e-mail: WHATWG syntax after IDNA, punycode in the normalized value', async () => {
  await ready;
  const idn = validateField('email', '  jan@bücher.de ');
  assert.equal(idn.valid, true);
  assert.equal(idn.normalized, 'jan@xn--bcher-kva.de');
  assert.deepEqual(codes(validateField('email', 'jan @example.nl')), ['invalid_email']);
  assert.deepEqual(codes(validateField('email', 'jän@example.nl')), ['invalid_email']);
  assert.deepEqual(codes(validateField('email', `${'a'.repeat(65)}@example.nl`)), ['email_local_part_too_long']);
  assert.deepEqual(codes(validateField('email', `a@${'b'.repeat(60)}.${'c'.repeat(40)}.nl`)), ['too_long']);
  assert.deepEqual(codes(validateField('email', 'a@-example.nl')), ['invalid_email']);
});

test('website: only absolute http(s) URLs; Unicode hosts and paths normalized', async () => {
  await ready;
  assert.deepEqual(validateField('url', '').errors, [], 'optional');
  const unicode = validateField('url', 'https://bücher.de/straße');
  assert.equal(unicode.valid, true);
  assert.equal(unicode.normalized, 'https://xn--bcher-kva.de/stra%C3%9Fe');
  for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'ftp://x.nl', 'mailto:a@b.nl', '//x.nl', '/pad', 'x.nl',
    'http:x.nl', 'https://user:pw@x.nl', 'https://x.nl/a b', 'https:\\\\x.nl', 'https://x.nl/"><script>', 'https://']) {
    assert.equal(validateField('url', bad).valid, false, bad);
  }
});

test('controls and bidi overrides in the name are errors with their own codes', async () => {
  await ready;
  assert.deepEqual(codes(validateField('author', 'Jan\tde Vries')), ['control_character']);
  assert.deepEqual(codes(validateField('author', 'Jan\u202Eseirv')), ['bidi_control']);
  assert.deepEqual(validateField('author', '<b>Jan</b>; DROP TABLE users').errors, [], 'HTML or SQL looking text is fine: output escapes it');
  assert.deepEqual(validateField('content', 'regel 1\nregel 2\ttab').errors, []);
  assert.deepEqual(codes(validateField('content', 'bel\u0007')), ['control_character']);
});

test('requireNameEmail: false makes name and e-mail optional, as in WordPress', async () => {
  await ready;
  const result = validateComment({ content: 'Anoniem' }, { ...CALM, requireNameEmail: false });
  assert.equal(result.valid, true);
  assert.deepEqual(codes(validateComment({ content: 'x' }, CALM)), ['required', 'required']);
});

test('moderation: honeypot and too fast are spam; links and blocked words are held', async () => {
  await ready;
  assert.equal(validateComment({ ...GOOD, honeypot: 'http://spam' }, CALM).moderation.verdict, 'spam');
  const fast = validateComment(GOOD, { elapsedSeconds: 1.5 });
  assert.equal(fast.moderation.verdict, 'spam');
  assert.deepEqual(fast.moderation.reasons.map((r) => r.code), ['too_fast']);
  assert.equal(validateComment(GOOD, { shownAt: Date.now() - 60_000 }).moderation.verdict, 'accept');
  const links = validateComment({ ...GOOD, content: 'zie https://a.nl en www.b.nl' }, CALM);
  assert.equal(links.moderation.verdict, 'hold');
  assert.deepEqual(links.moderation.reasons[0].params, { count: 2, max: 2 });
  const blocked = validateComment({ ...GOOD, content: 'Goedkoop CASINO hier' }, { ...CALM, blockedWords: ['casino'] });
  assert.equal(blocked.moderation.verdict, 'hold');
  assert.equal(blocked.valid, true, 'moderation is beside validity, not part of it');
});

test('languages: explicit, lists, fallback to en; every shipped language has every form text', async () => {
  await ready;
  assert.equal(validateField('author', '', { locale: ['xx', 'de-AT'] }).locale, 'de');
  assert.equal(validateField('author', '', { locale: 'zz' }).locale, 'en');
  const nl = formMessages({ locale: 'nl' });
  assert.equal(nl.messages['form.title'], 'Geef een reactie');
  assert.equal(nl.messages['form.emailNotPublished'], 'Het e-mailadres wordt niet gepubliceerd.');
  assert.equal(nl.messages['form.requiredFieldsNote'], 'Vereiste velden zijn gemarkeerd met *');
  const keys = Object.keys(nl.messages).sort();
  for (const locale of ['en', 'de', 'fr']) {
    const { messages } = formMessages({ locale });
    assert.deepEqual(Object.keys(messages).sort(), keys, locale);
    for (const [key, text] of Object.entries(messages)) assert.ok(text.length > 0, `${locale} ${key}`);
  }
});

test('site owners override texts and add a language from JS, without rebuilding', async () => {
  await ready;
  const messages = { nl: { required: '{field} mag niet leeg zijn.' }, pt: { required: '{field} é obrigatório.', 'form.label.author': 'Nome' } };
  assert.equal(validateField('author', '', { locale: 'nl', messages }).errors[0].message, 'Naam mag niet leeg zijn.');
  const pt = validateField('author', '', { locale: 'pt-BR', messages });
  assert.equal(pt.locale, 'pt');
  assert.equal(pt.errors[0].message, 'Nome é obrigatório.');
});

test('bad calls throw a TypeError that names what is wrong', async () => {
  await ready;
  assert.throws(() => validateComment(null), /fields must be an object/);
  assert.throws(() => validateComment({ nam: 'x' }), /unknown field "nam"/);
  assert.throws(() => validateComment({ author: 42 }), /field "author" must be a string/);
  assert.throws(() => validateComment(GOOD, { minSubmitSecs: 3 }), /unknown option "minSubmitSecs"/);
  assert.throws(() => validateField('name', 'x'), /field must be "author"/);
  assert.throws(() => validateComment(GOOD, { shownAt: 'yesterday' }), /shownAt/);
  assert.throws(() => validateComment(GOOD, { messages: { nl: { required: 5 } } }), TypeError);
  assert.throws(() => validateComment(GOOD, { maxLinks: -1 }), TypeError);
});
