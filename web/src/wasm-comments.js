// The comment validator's calls into blog-reader-comments.wasm (see wasm.js for
// the boundary rules). Separate from wasm.js only so that the Markdown-only entry
// point ('blog-reader-wasm/markdown') does not carry them.

import { encoder, encodeUtf8, engine, engineSlot, inputBuffer, maxBytes, readJson, writeInputs, writeValue } from './wasm.js';

export const COMMENT_VALIDATOR = engineSlot('blog-reader-comments.wasm', 'br_validate_comment',
  'blog-reader: the comment validator is not loaded: call `await init()` (without `comments: false`) first');

/** UTF-8, with lone surrogates kept as generalized UTF-8 (for the validator). */
function encodeKeepingLoneSurrogates(text, memory, at) {
  return text.isWellFormed() ? encodeUtf8(text, memory, at) : encodeGeneralizedUtf8(text, memory, at);
}

// UTF-8 extended to lone surrogates (0xED 0xA0..0xBF 0x80..0xBF): invalid UTF-8
// that the validator reports as `invalid_encoding`, as a browser would never
// send it but a server may receive it.
function encodeGeneralizedUtf8(text, memory, offset) {
  let at = offset;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (cp < 0x80) {
      memory[at++] = cp;
    } else if (cp < 0x800) {
      memory[at++] = 0xc0 | (cp >> 6);
      memory[at++] = 0x80 | (cp & 0x3f);
    } else if (cp < 0x10000) {
      memory[at++] = 0xe0 | (cp >> 12);
      memory[at++] = 0x80 | ((cp >> 6) & 0x3f);
      memory[at++] = 0x80 | (cp & 0x3f);
    } else {
      memory[at++] = 0xf0 | (cp >> 18);
      memory[at++] = 0x80 | ((cp >> 12) & 0x3f);
      memory[at++] = 0x80 | ((cp >> 6) & 0x3f);
      memory[at++] = 0x80 | (cp & 0x3f);
    }
  }
  return at - offset;
}

/**
 * Runs br_validate_comment. `fields` maps field names to strings or raw bytes.
 * The field values are written end to end straight into WASM memory (strings
 * with lone surrogates as generalized UTF-8, so the rules see them); the JSON
 * request after them names each field's byte range.
 * @returns {{ status: number, result: object }}
 */
export function callValidateComment(fields, optionsJson) {
  const e = engine(COMMENT_VALIDATOR);
  const names = Object.keys(fields);
  // Room for every field at 3 bytes per UTF-16 unit, then the request: its
  // ranges (at most 40 bytes per field beside the name) and the options.
  let fieldCapacity = 0;
  let requestCapacity = 32 + optionsJson.length * 3;
  for (const name of names) {
    fieldCapacity += maxBytes(fields[name]);
    requestCapacity += name.length * 6 + 40;
  }
  const [base, memory] = inputBuffer(e, fieldCapacity + requestCapacity);
  let offset = 0;
  let ranges = '';
  for (const name of names) {
    const written = writeValue(memory, base + offset, fields[name], encodeKeepingLoneSurrogates);
    ranges += `${ranges ? ',' : ''}${JSON.stringify(name)}:[${offset},${written}]`;
    offset += written;
  }
  const request = `{"fields":{${ranges}},"options":${optionsJson}}`;
  const requestAt = base + offset;
  const requestSize = encoder.encodeInto(request, memory.subarray(requestAt, requestAt + requestCapacity)).written;
  const status = e.br_validate_comment(requestAt, requestSize, base, offset);
  return { status, result: readJson(e) };
}

/** Runs br_validate_field. */
export function callValidateField(field, value, optionsJson) {
  const e = engine(COMMENT_VALIDATOR);
  const [fPtr, fLen, vPtr, vLen, oPtr, oLen] = writeInputs(e, [field, value, optionsJson], encodeKeepingLoneSurrogates);
  const status = e.br_validate_field(fPtr, fLen, vPtr, vLen, oPtr, oLen);
  return { status, result: readJson(e) };
}

/** Runs br_form_messages. */
export function callFormMessages(optionsJson) {
  const e = engine(COMMENT_VALIDATOR);
  const [oPtr, oLen] = writeInputs(e, [optionsJson]);
  const status = e.br_form_messages(oPtr, oLen);
  return { status, result: readJson(e) };
}
