// Constants shared with the C ABI (wasm/api.h). They are copied here, once, and
// tests/js/abi.test.js fails if any value differs from the header.

/** Bits of br_render_markdown's `flags` (BR_RENDER_* in wasm/api.h). */
export const RENDER_FLAGS = Object.freeze({
  COMMENT_PROFILE: 0x0001,
  NO_GFM: 0x0002,
  NO_HEADING_IDS: 0x0004,
  HEADING_ANCHORS: 0x0008,
  NO_LINK_ATTRIBUTES: 0x0010,
  NO_FRONT_MATTER: 0x0020,
  COMMENT_IMAGES: 0x0040,
  UNSAFE_RAW_HTML: 0x0100,
  UNSAFE_ANY_URL_SCHEME: 0x0200,
});

/** Status codes returned by the br_* functions (BR_OK, BR_ERROR_* in wasm/api.h). */
export const STATUS = Object.freeze({
  OK: 0,
  ERROR_OUT_OF_MEMORY: -1,
  ERROR_BAD_REQUEST: -2,
});

/** BR_ABI_VERSION of the engine this JS was written for. */
export const ABI_VERSION = 2;
