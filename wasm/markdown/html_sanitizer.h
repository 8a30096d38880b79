// Allow-list sanitizer for raw HTML written by a site owner in an article.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "common/output_buffer.h"
#include "markdown/url_filter.h"

namespace blogreader::markdown {

/// Streaming sanitizer for the raw HTML pieces md4c reports (inline tags one at a
/// time, HTML blocks line by line), interleaved with Markdown output the engine
/// writes itself. It tokenizes like the WHATWG HTML tokenizer (tag and attribute
/// names end at whitespace, '/', '>' and '='; names are lowercased; unquoted
/// values; the first of duplicate attributes wins; character references in
/// attribute values and text are decoded) and writes everything anew: raw tag
/// bytes are never copied, so the output is only escaped text and well-formed
/// `<tag attr="value">` tags. It keeps:
///  - allow-listed elements: a abbr b bdi bdo blockquote br caption cite code col
///    colgroup dd del details dfn div dl dt em figcaption figure h1-h6 hr i img
///    ins kbd li mark ol p pre q rp rt ruby s samp small span strike strong sub
///    summary sup table tbody td tfoot th thead time tr tt u ul var wbr
///    (br col hr img wbr are void: no end tag);
///  - allow-listed attributes, each with a value check: on every kept element
///    align (left|right|center|justify), class, dir (ltr|rtl|auto), id, lang
///    ([A-Za-z0-9-]{1,35}), title; a: href, name; blockquote/q/del/ins: cite;
///    del/ins/time: datetime; details: open; img: src, alt, width, height;
///    ol: start, reversed, type (1|a|A|i|I); li: value; col/colgroup: span, width;
///    table: width; td/th: colspan, rowspan, width, height; th: scope. Numbers
///    must be digits (width/height may end in '%'). URL attributes (href, src,
///    cite) go through is_url_allowed() and are written as typed (HTML-escaped,
///    not percent-encoded, so that the browser follows the URL that was judged);
///    a refused URL drops the attribute, the element and its text stay. id and
///    name values are prefixed with "user-content-" (as GitHub does) so they
///    cannot clobber document/window properties or the page's own ids;
///  - never: script, style, iframe, frame, object, embed, applet, form, input,
///    button, textarea, select, base, meta, link, svg, math, template, noscript
///    and any unknown element; no on* attribute; no style attribute; no srcset,
///    no target, no rel (the sanitizer writes rel itself);
///  - the content of script, style, textarea, title, xmp, iframe, noembed,
///    noframes, noscript and plaintext (up to the matching end tag; plaintext to
///    the end of the block) is dropped with the element, and so is the whole
///    subtree of svg and math (up to the matching </svg> / </math>);
///  - comments, processing instructions, doctype and CDATA are dropped.
/// Disallowed tags are removed (their text content stays, escaped). Text inside
/// raw HTML is re-escaped. A tag, comment, raw-text element or svg/math subtree
/// still unterminated when a block ends (end_block) is dropped and never
/// written, so raw HTML can never swallow the engine's own markup. End tags
/// without a matching open element are dropped; an end tag closes the elements
/// opened after its match; finish() closes elements left open. Elements belong
/// to the Markdown block they were opened in (begin_scope, end_scope): they are
/// closed when it ends, and end tags inside it match only its own elements, so
/// the output nests the way a browser parses it and never closes an element
/// outside the article. li, dd, dt and table parts are kept only inside their
/// parent element (ul/ol, dl, table/tr...), opened in the same block. Where a
/// browser closes elements by itself, the sanitizer does not let it happen:
/// a heading start tag while a raw heading is open is dropped (a browser pops
/// the open heading, and </hN> closes a heading of any level), and only table
/// parts may be opened directly in table, thead, tbody, tfoot, tr or colgroup
/// (a browser foster-parents anything else, and a later <table> or table part
/// pops it together with the table). Both made the sanitizer's later end tags
/// close the page's own elements (found by review).
/// Links get rel="noopener noreferrer" when external (same rule as Markdown
/// links) and images loading="lazy" decoding="async".
/// Every byte is looked at a bounded number of times, whatever the chunking, so
/// the time is linear in the input. At most kMaxOpenElements elements are open at
/// once (deeper start tags are dropped, their text kept), which bounds the work of
/// an end tag and keeps browsers away from their own deep-nesting limits.
/// A character reference split between two feed() calls is not decoded (md4c
/// never splits one: it cuts HTML blocks at line ends).
class HtmlSanitizer {
public:
    static constexpr std::size_t kMaxOpenElements = 256;

    explicit HtmlSanitizer(UrlPolicy url_policy = UrlPolicy::safe);

    /// Sanitizes one chunk of raw HTML and appends the safe result to out.
    void feed(std::string_view raw_html, OutputBuffer& out);

    /// Called when md4c leaves a raw HTML block, and when it leaves any other
    /// block (an inline "<script>" ends with its paragraph): drops whatever tag,
    /// comment, raw-text element or svg/math subtree is still incomplete. A lone "<" or
    /// "</" left at the end is text and is written escaped.
    void end_block(OutputBuffer& out);

    /// Called when md4c enters a Markdown block other than the document and raw
    /// HTML blocks (a paragraph, heading, list item, quote, table cell...) or a
    /// span (emphasis, link...); scopes nest. At most a few instructions when no
    /// raw HTML element is open in the current scope. The
    /// elements open so far belong to the blocks around it, so raw HTML inside
    /// it can neither close them nor nest its li, dd, dt or table parts in them.
    /// Raw table parts open outside a cell are closed first (a browser would
    /// put the block before the table and let a later table tag close it).
    void begin_scope(OutputBuffer& out);

    /// Called when that block or span ends, before the engine writes its end tag: closes
    /// the elements opened inside it. Without this a browser would close them at
    /// the engine's </li> or </h1>, while the sanitizer still counted them open,
    /// and a later </div> of the article would close the page's own <div>.
    void end_scope(OutputBuffer& out);

    /// Called at the end of the document: end_block() and closes open elements.
    void finish(OutputBuffer& out);

    /// True while inside a dropped element (after an inline "<script>" or "<svg>",
    /// until its end tag or end_block(), which the writer calls at the end of
    /// every Markdown block too): the Markdown text md4c reports in between
    /// belongs to that element, so the writer should not write it either.
    bool in_dropped_content() const noexcept { return raw_text_element_ >= 0 || subtree_depth_ > 0; }

    /// What was left out of the raw HTML fed so far, for the writer's warnings:
    /// entries of a kind byte (0-4), where the tag begins (its '<' in the raw
    /// HTML fed, a `const char*`, memcpy'd: a tag can begin in an earlier feed()
    /// than the one that ends it), a text and a NUL (which decoded text never
    /// holds: U+FFFD instead). The writer reads and clears it after each feed()
    /// and after the end_block() of a raw HTML block. At most kMaxDropped
    /// entries per document: the writer reports at most 100 warnings, so more
    /// could never be shown, and 10 MB of "<x>" costs no memory per tag.
    ///  - kDroppedUrl: a URL attribute value (decoded) that the URL filter
    ///    refused; the attribute was left out of its tag, the element kept;
    ///  - kDroppedTag: the name of a start tag of an element that is not allowed
    ///    (unknown, or script, iframe, svg...; at most kMaxNameLength bytes);
    ///  - kMisplacedTag: the name of an allowed element's start tag left out
    ///    where it stands (li outside ul/ol, a table part outside its table, a
    ///    heading in a heading, a non-table element directly in a table, more
    ///    than kMaxOpenElements open), its text kept;
    ///  - kDroppedAttribute: "img style", the name of an allowed element and of
    ///    an attribute left out of its tag (at most kMaxNameLength bytes each).
    ///    A name that is not allowed there is listed as the tag is read, so
    ///    also when the tag itself is then left out, and each time it is
    ///    repeated; a value that fails its check (width="100px"), as the tag
    ///    is written, after them. A repeated allowed attribute is not listed
    ///    (the first one wins, as in the browser), nor loading and decoding on
    ///    img, which the sanitizer writes itself;
    ///  - kUnfinishedTag: the name of a start tag still without its '>' when
    ///    its block ends (end_block), which is dropped.
    /// A dropped end tag is not listed (it changes no content), nor anything
    /// inside a dropped svg or math subtree or raw-text element.
    std::string dropped;
    static constexpr char kDroppedUrl = 0;  // the writer's warnings are in this order
    static constexpr char kDroppedTag = 1;
    static constexpr char kMisplacedTag = 2;
    static constexpr char kDroppedAttribute = 3;
    static constexpr char kUnfinishedTag = 4;
    static constexpr std::size_t kMaxDropped = 101;

    /// Calls visit(kind, tag_begin, text) for each entry of `dropped`, in order,
    /// then clears it: the one reader of the entry format.
    template <typename Visit>
    void take_dropped(Visit&& visit) {
        constexpr std::size_t kText = 1 + sizeof(const char*);  // kind, where, text, NUL
        for (std::string_view entries = dropped; !entries.empty();) {
            const std::size_t end = entries.find('\0', kText);
            const char* at;
            std::memcpy(&at, entries.data() + 1, sizeof at);
            visit(entries[0], at, entries.substr(kText, end - kText));
            entries.remove_prefix(end + 1);
        }
        dropped.clear();
    }

private:
    enum class State : unsigned char {
        data, tag_open, end_tag_open, tag_name, before_attribute_name, attribute_name,
        after_attribute_name, before_attribute_value, attribute_value_double_quoted,
        attribute_value_single_quoted, attribute_value_unquoted, after_attribute_value_quoted,
        self_closing_start_tag, markup_declaration_open, markup_declaration_dash, comment_start,
        comment_start_dash, comment, comment_end_dash, comment_end, comment_end_bang, bogus_comment,
        raw_text,
    };
    static constexpr std::size_t kMaxNameLength = 16;  // longer than any allow-listed name
    static constexpr std::size_t kAttributeCount = 25;  // size of the attribute allow-list
    static constexpr std::size_t kElementCount = 76;    // size of the element table

    bool step(char c, OutputBuffer& out);  // one tokenizer step; true = reconsume c
    const char* scan_raw_text(const char* p, const char* end);
    void write_text(std::string_view text, OutputBuffer& out);
    void begin_tag(bool end_tag);
    void finish_tag_name();
    void begin_attribute();
    void finish_attribute_name();
    void append_attribute_value(char c);
    void emit_tag(OutputBuffer& out);
    void note_dropped(char kind, std::string_view text, std::string_view attribute = {});  // to `dropped`
    std::string_view tag_name() const noexcept { return {tag_name_, tag_name_length_}; }
    void write_start_tag(std::size_t element, OutputBuffer& out);
    void close_to(std::size_t element, OutputBuffer& out);
    bool open_in_scope(std::size_t element) const noexcept;  // open above floor_
    bool place(std::size_t element, OutputBuffer& out);       // kPlacements; false: drop the tag
    bool in_table_mode() const noexcept;                       // the innermost open element is a table part but a cell
    bool heading_open() const noexcept;                        // a raw h1-h6 is open
    void reset_block_state();

    UrlPolicy url_policy_;
    State state_ = State::data;
    // The tag being tokenized.
    bool tag_is_end_ = false;
    bool tag_self_closing_ = false;
    int tag_element_ = -1;              // index in the element table, -1 unknown
    char tag_name_[kMaxNameLength];
    std::size_t tag_name_length_ = 0;   // at most kMaxNameLength: a longer name is cut (and unknown)
    char attribute_name_[kMaxNameLength];
    std::size_t attribute_name_length_ = 0;
    int attribute_ = -1;                // attribute whose value is being read, -1: ignored
    std::uint32_t attributes_present_ = 0;  // bit per allow-listed attribute
    unsigned char attribute_order_[kAttributeCount];
    std::size_t attribute_count_ = 0;
    const char* tag_at_ = nullptr;      // the '<' of the tag being tokenized
    std::string attribute_values_[kAttributeCount];  // raw values, references not decoded
    // Dropped content.
    int raw_text_element_ = -1;         // e.g. script while dropping its content
    std::size_t raw_text_matched_ = 0;  // bytes of "</name" matched so far
    int subtree_element_ = -1;          // svg or math while dropping its subtree
    std::size_t subtree_depth_ = 0;
    // Open allow-listed elements (element table indices) and how many of each.
    std::vector<unsigned char> open_elements_;
    std::uint16_t open_counts_[kElementCount] = {};
    // open_elements_ below floor_ were opened in an enclosing Markdown block or
    // span (begin_scope); scopes_on_floor_ more scopes than the innermost one
    // have the same floor; floors_ holds the floors further out.
    // Each floor is above the one before it (a new one starts only above an
    // element opened in its enclosing scope), so there are at most
    // kMaxOpenElements of them.
    struct Floor {
        std::uint16_t floor;
        std::uint32_t scopes;
    };
    std::size_t floor_ = 0;
    std::uint32_t scopes_on_floor_ = 0;
    Floor floors_[kMaxOpenElements];
    std::size_t floor_count_ = 0;
    std::string scratch_;               // decoded attribute value / text
    std::size_t dropped_count_ = 0;     // entries added to `dropped` so far
};

}  // namespace blogreader::markdown
