// Allow-list sanitizer for raw HTML written by a site owner in an article.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "markdown/url_filter.h"

namespace blogreader::markdown {

/// Streaming sanitizer for the raw HTML pieces md4c reports (inline tags one at a
/// time, HTML blocks line by line), interleaved with Markdown output the engine
/// writes itself. It keeps:
///  - allow-listed elements (text structure, lists, tables, headings, links,
///    images, figure/figcaption, details/summary, abbr, kbd, mark, sub/sup, ...)
///    with allow-listed attributes (href, src, alt, title, width, height, colspan,
///    rowspan, align, lang, dir, cite, datetime, id, class, open, start, reversed,
///    ...); URL attributes go through is_url_allowed() and append_url_attribute();
///  - never: script, style, iframe, frame, object, embed, applet, form, input,
///    button, textarea, select, base, meta, link, svg, math, template, noscript
///    and any unknown element; no on* attribute; no style attribute; no srcset;
///    no attribute without a value check;
///  - the text content of script, style, textarea, title, xmp, iframe, noembed,
///    noframes, noscript and plaintext is dropped with the element;
///  - comments, processing instructions, doctype and CDATA are dropped.
/// Disallowed tags are removed (their text content stays, escaped). Text inside
/// raw HTML is re-escaped. A tag, comment or raw-text element still unterminated
/// when a block ends (end_block) is dropped and never written, so raw HTML can
/// never swallow the engine's own markup. End tags without a matching open
/// element are dropped; finish() closes elements left open.
/// Links get rel="noopener noreferrer" when external (same rule as Markdown
/// links) and images loading="lazy" decoding="async".
class HtmlSanitizer {
public:
    explicit HtmlSanitizer(UrlPolicy url_policy = UrlPolicy::safe);

    /// Sanitizes one chunk of raw HTML and appends the safe result to out.
    void feed(std::string_view raw_html, std::string& out);

    /// Called when md4c leaves a raw HTML block: drops whatever tag, comment or
    /// raw-text element is still incomplete.
    void end_block(std::string& out);

    /// Called at the end of the document: end_block() and closes open elements.
    void finish(std::string& out);

private:
    struct Impl;
    UrlPolicy url_policy_;
    std::string pending_;                 // raw bytes of an incomplete tag/comment
    std::string raw_text_end_tag_;        // e.g. "script" while dropping its content
    std::vector<std::string> open_elements_;
};

}  // namespace blogreader::markdown
