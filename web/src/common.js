// Internal helpers shared by the two entry points (index.js: everything;
// markdown.js: the Markdown engine alone). Not part of the public API.

/** Error thrown for a failure of the engine itself (not for invalid user text). */
export class BlogReaderError extends Error {
  /** @param {string} code stable id, e.g. "out_of_memory", "bad_request" @param {string} message */
  constructor(code, message) {
    super(message);
    this.name = 'BlogReaderError';
    this.code = code;
  }
}

/** A short description of a bad argument, for error messages. */
export function describe(value) {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) {
    // A short array is shown: its items are what is wrong (tocLevels: [7]).
    let text = '';
    try {
      text = JSON.stringify(value); // throws for a BigInt or a cycle
    } catch {}
    return text && text.length <= 40 ? text : 'an array';
  }
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value);
}

/** Throws a TypeError for an options object that is not one or has unknown keys. */
export function checkOptions(caller, options, known) {
  if (options === null || typeof options !== 'object') throw new TypeError(`${caller}: options must be an object`);
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new TypeError(`${caller}: unknown option "${key}" (known: ${known.join(', ')})`);
  }
}

/**
 * Waits for every load before answering: when one module fails, the others are
 * ready to use by the time the rejection arrives (and a later init() retries
 * the failed one).
 */
export function settle(loads) {
  return Promise.allSettled(loads).then((results) => {
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  });
}
