// Markdown to safe HTML: md4c's parser driving our own HTML writer.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/output_buffer.h"
#include "markdown/front_matter.h"

namespace blogreader::markdown {

/// Whose text is rendered decides what it may do.
enum class Profile {
    /// The site owner's own article: raw HTML allowed, but only through the
    /// allow-list sanitizer (html_sanitizer.h); images on; heading ids on.
    article,
    /// A stranger's comment: raw HTML is shown as text, links get
    /// rel="nofollow ugc noopener noreferrer", images are off (their alt text
    /// stays) unless allow_images is set, headings get no ids.
    comment,
};

struct RenderOptions {
    Profile profile = Profile::article;
    /// GitHub extensions: tables (with alignment), ~~strikethrough~~, task lists
    /// (disabled checkboxes), permissive URL / www. / e-mail autolinks.
    bool gfm = true;
    /// id="slug" on headings (GitHub-style, unique in the document). Article only.
    bool heading_ids = true;
    /// A self-link <a class="heading-anchor" href="#id"> at the end of each heading.
    bool heading_anchors = false;
    /// Prepended to every heading id (e.g. "post-"), so that ids cannot collide
    /// with ids of the page around the article.
    std::string id_prefix;
    /// Bit n set = headings of level n go into the table of contents (n = 1..6).
    unsigned toc_levels = 0x7E;
    /// Reading speed for reading_minutes; 0 = 200.
    unsigned words_per_minute = 200;
    /// Parse a leading '---' front matter block (else it is Markdown). Article
    /// only: in a comment those lines are always the commenter's text.
    bool front_matter = true;
    /// rel="noopener noreferrer" on external links, loading="lazy" decoding="async"
    /// on images, classes on task lists. Off only for plain CommonMark output.
    bool link_attributes = true;
    /// Comment profile only: show images (article always shows them).
    bool allow_images = false;
    /// UNSAFE: raw HTML is written verbatim, unsanitized. Never for untrusted text.
    bool unsafe_raw_html = false;
    /// UNSAFE: links and images keep any URL scheme (javascript: included).
    bool unsafe_any_url_scheme = false;
};

/// Returns the option set that yields plain CommonMark output (the spec's own
/// HTML): no GFM, no ids, no link attributes, no front matter, raw HTML verbatim
/// and every URL scheme kept. UNSAFE: for conformance testing only.
RenderOptions unsafe_commonmark_options();

struct TocEntry {
    unsigned level;     ///< 1..6
    std::string id;     ///< the heading's id (with prefix), empty when ids are off
    std::string text;   ///< the heading's plain text
};

/// line (0 when unknown), code, message. Codes: the front matter's (see
/// Warning::code), "warnings_truncated", and what the article lost:
/// - "url_dropped": a link, image or raw HTML URL whose scheme is not allowed;
///   the message ends with it (its first 80 bytes);
/// - "tag_dropped": a raw HTML start tag left out, "<iframe>" (an element that
///   is not allowed), "<li>" (allowed, but not where it stands: see
///   HtmlSanitizer) or one without its '>' when its HTML block ends; its text
///   stays unless it is script, style, svg...;
/// - "attribute_dropped": an attribute left out of a raw HTML tag, "<p style>"
///   (not allowed there, or a value that fails its check).
/// HtmlSanitizer::dropped says what is listed and in which order. Raw HTML
/// warnings have the line its tag begins on. A url_dropped warning has the line
/// of the URL; 0 for a Markdown destination with an escape or a character
/// reference, which md4c decodes into a copy. Any warning whose position lies
/// before one reported earlier has 0: a Markdown link is reported when it
/// opens, so raw HTML in the text of a link whose URL is refused has 0, and so
/// has everything between a reference link and its later definition.
/// The comment profile, which shows raw HTML as text, and the unsafe raw HTML
/// option drop no tags, so they give no tag or attribute warnings.
using RenderWarning = Warning;

struct RenderResult {
    OutputBuffer html;
    /// The engine's working copy of the input (repaired, NUL-terminated for
    /// md4c); kept between calls so that its memory is reused. Not a result.
    std::string source;
    std::vector<TocEntry> toc;
    FrontMatter front_matter;
    std::size_t words = 0;
    unsigned reading_minutes = 0;
    std::vector<RenderWarning> warnings;
    std::size_t replaced_invalid = 0;  ///< invalid UTF-8 sequences and U+0000 replaced by U+FFFD
    int status = 0;                    ///< 0 ok; -1 out of memory in md4c or the writer (html is then incomplete)
};

/// Renders a UTF-8 Markdown document (invalid UTF-8 and U+0000 become U+FFFD).
/// `result` is cleared first; passing the same object again reuses its memory.
/// Never throws. Time is linear in the input size.
void render_markdown(std::string_view markdown, const RenderOptions& options, RenderResult& result);

/// The metadata of a result as JSON text: {"toc":[{"level","id","text"}],
/// "meta":{front matter keys}, "words", "readingMinutes", "warnings":[{"line","code","message"}],
/// "status"}.
std::string render_metadata_json(const RenderResult& result);

}  // namespace blogreader::markdown
