// The demo page: renders the seed article through the WASM engine and runs the
// comment form's live validation with the same C++ rules the server applies.
import { init, renderMarkdown, validateField, validateComment, formMessages } from '/dist/index.js';

const article = document.getElementById('article');
const body = document.getElementById('post-body');
const form = document.getElementById('comment-form');
const status = document.getElementById('form-status');
const shownAt = Date.now();
const DRAFT_KEY = 'blog-reader-demo:draft';
const IDENTITY_KEY = 'blog-reader-demo:identity';

// The article needs only the Markdown engine; the form's validator loads beside
// it, so neither waits for the other.
const markdownReady = init({ comments: false });
const commentsReady = init({ markdown: false });

// ---- article ----------------------------------------------------------------
async function showArticle() {
  const response = await fetch(article.dataset.src);
  if (!response.ok) throw new Error(`could not load ${article.dataset.src}: HTTP ${response.status}`);
  const started = performance.now();
  const { html, toc, meta, readingMinutes, warnings } = renderMarkdown(await response.text(), {
    headingAnchors: true,
    idPrefix: 'post-',
    tocLevels: [2, 3],
  });
  const renderMs = performance.now() - started;
  body.innerHTML = html; // safe: the engine's article profile sanitizes
  document.getElementById('post-title').textContent = meta.title ?? 'Zonder titel';
  if (meta.lang) article.lang = meta.lang;
  document.title = meta.title ?? document.title;
  const date = meta.date ? new Date(`${meta.date}T12:00:00`) : null;
  const parts = [];
  if (meta.author) parts.push(meta.author);
  if (date && !Number.isNaN(date.getTime())) {
    parts.push(date.toLocaleDateString(meta.lang ?? 'nl', { day: 'numeric', month: 'long', year: 'numeric' }));
  }
  parts.push(`${readingMinutes} min leestijd`);
  document.getElementById('post-meta').textContent = parts.join(' · ');
  const list = document.querySelector('#toc ol');
  list.replaceChildren(
    ...toc.map(({ level, id, text }) => {
      const item = document.createElement('li');
      item.className = `level-${level}`;
      const link = document.createElement('a');
      link.href = `#${id}`;
      link.textContent = text;
      item.append(link);
      return item;
    }),
  );
  document.getElementById('toc').hidden = toc.length === 0;
  if (warnings.length) {
    const box = document.getElementById('warnings');
    box.hidden = false;
    box.textContent = warnings.map((w) => `${w.line ? `regel ${w.line}: ` : ''}${w.message}`).join(' · ');
  }
  article.setAttribute('aria-busy', 'false');
  article.dataset.renderMs = renderMs.toFixed(2);
}

// ---- comment form -----------------------------------------------------------
const fieldNames = ['author', 'email', 'url', 'content'];
const locale = () => [document.documentElement.lang];

function applyTexts() {
  const { messages } = formMessages({ locale: locale() });
  for (const node of document.querySelectorAll('[data-text]')) {
    const text = messages[node.dataset.text];
    if (text) node.textContent = text;
  }
}

function showFieldErrors(name, errors) {
  const input = form.elements[name];
  const message = errors.map((e) => e.message).join(' ');
  document.getElementById(`${name}-error`).textContent = message;
  input.setCustomValidity(message);
  input.setAttribute('aria-invalid', errors.length ? 'true' : 'false');
}

function checkField(name) {
  if (form.dataset.ready !== 'true') return true; // the validator is still loading: the submit checks again
  const value = form.elements[name].value;
  const { errors } = validateField(name, value, { locale: locale() });
  showFieldErrors(name, errors);
  return errors.length === 0;
}

// Nothing the reader types is lost: a draft is kept until the server accepts it.
function saveDraft() {
  const draft = Object.fromEntries(fieldNames.map((name) => [name, form.elements[name].value]));
  localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
}

function restoreDraft() {
  const saved = { ...JSON.parse(localStorage.getItem(IDENTITY_KEY) ?? '{}'), ...JSON.parse(localStorage.getItem(DRAFT_KEY) ?? '{}') };
  for (const name of fieldNames) if (typeof saved[name] === 'string') form.elements[name].value = saved[name];
  form.elements.consent.checked = localStorage.getItem(IDENTITY_KEY) !== null;
}

for (const name of fieldNames) {
  const input = form.elements[name];
  // Live checks once the reader has left a field, so no error shouts while typing the first time.
  input.addEventListener('blur', () => input.value && checkField(name));
  input.addEventListener('input', () => {
    saveDraft();
    if (input.getAttribute('aria-invalid') === 'true') checkField(name);
  });
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  await commentsReady;
  const fields = Object.fromEntries([...fieldNames, 'honeypot'].map((name) => [name, form.elements[name].value]));
  const local = validateComment(fields, { locale: locale(), shownAt });
  for (const name of fieldNames) showFieldErrors(name, local.errors.filter((e) => e.field === name));
  if (!local.valid) {
    status.className = 'form-status fail';
    // The first wrong field in the order the reader sees them, not the engine's order.
    const wrong = new Set(local.errors.map((e) => e.field));
    [...form.elements].find((element) => wrong.has(element.name))?.focus();
    return;
  }
  status.className = 'form-status';
  status.textContent = '…';
  try {
    const response = await fetch('/api/comments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fields, locale: document.documentElement.lang, shownAt }),
    });
    const result = await response.json();
    if (!response.ok) {
      status.className = 'form-status fail';
      status.textContent = result.errors?.map((e) => e.message).join(' ') ?? result.error?.message ?? `HTTP ${response.status}`;
      return;
    }
    if (form.elements.consent.checked) {
      localStorage.setItem(IDENTITY_KEY, JSON.stringify({ author: fields.author, email: fields.email, url: fields.url }));
    } else {
      localStorage.removeItem(IDENTITY_KEY);
    }
    localStorage.removeItem(DRAFT_KEY);
    form.elements.content.value = '';
    status.className = 'form-status ok';
    status.textContent = result.moderation.verdict === 'accept' ? '✓' : result.moderation.reasons.map((r) => r.message).join(' ');
    status.dataset.verdict = result.moderation.verdict;
  } catch (error) {
    status.className = 'form-status fail';
    status.textContent = error.message; // the draft stays in the form and in localStorage
  }
});

restoreDraft(); // at once: what the reader typed before is back before anything else loads
const articleShown = markdownReady.then(showArticle).catch((error) => {
  body.querySelector('.loading').textContent = `Het artikel kon niet worden geladen: ${error.message}`;
  article.setAttribute('aria-busy', 'false');
});
try {
  await commentsReady;
  applyTexts();
  form.dataset.ready = 'true';
} catch (error) {
  status.className = 'form-status fail';
  status.textContent = `De controle van het formulier kon niet worden geladen: ${error.message}`;
}
await articleShown;
