#include "markdown/render.h"

#include <cstring>
#include <iterator>

#include <md4c.h>

#include "common/ascii.h"
#include "common/decimal.h"
#include "common/html_entities.h"
#include "common/json.h"
#include "common/html_escape.h"
#include "common/utf8.h"
#include "markdown/html_sanitizer.h"
#include "markdown/slug.h"
#include "markdown/url_filter.h"
#include "markdown/word_count.h"

namespace blogreader::markdown {
namespace {

template <std::size_t N>
BR_ALWAYS_INLINE void put(OutputBuffer& out, const char (&literal)[N]) {
    out.append(literal, N - 1);
}

// Block markup (once per paragraph, list item, table cell...): one call, not an
// inlined append at each of its ~33 call sites (OutputBuffer::append_outlined).
template <std::size_t N>
BR_ALWAYS_INLINE void put_block(OutputBuffer& out, const char (&literal)[N]) {
    out.append_outlined(std::string_view(literal, N - 1));
}

// Walks an md4c attribute (link destination, title, code info string) as
// html::split_references walks raw HTML, into the same html::ReferenceSink:
// text() gets plain text and decoded references (a NUL replacement as U+FFFD),
// reference() a reference the engine does not know, as written (html_entities.h
// says why writing it unchanged is exact). One out-of-line copy for its three
// users, which run per link or code block, not per byte.
void split_attribute(const MD_ATTRIBUTE& attr, html::ReferenceSink& sink) {
    if (attr.text == nullptr) return;
    std::string decoded;  // one reference's UTF-8: short enough to need no heap
    for (int i = 0; attr.substr_offsets[i] < attr.size; ++i) {
        const MD_OFFSET begin = attr.substr_offsets[i];
        const std::string_view piece(attr.text + begin, attr.substr_offsets[i + 1] - begin);
        switch (attr.substr_types[i]) {
            case MD_TEXT_ENTITY:
                decoded.clear();
                if (html::append_decoded_entity(decoded, piece)) sink.text(decoded);
                else sink.reference(piece);
                break;
            case MD_TEXT_NULLCHAR: sink.text("\xEF\xBF\xBD"); break;
            default: sink.text(piece); break;
        }
    }
}

// The attribute's text for a decision (URL filter): unknown references as written.
void decode_attribute(const MD_ATTRIBUTE& attr, std::string& out) {
    html::AppendDecoded sink(out);
    out.clear();
    split_attribute(attr, sink);
}

// Writes an md4c attribute as an attribute value: text escaped (and for a URL
// percent-encoded like md4c-html), unknown references as written.
void append_attribute(OutputBuffer& out, const MD_ATTRIBUTE& attr, bool url) {
    html::WriteEscaped sink(out, url ? append_url_attribute : html::append_escaped_attribute);
    split_attribute(attr, sink);
}

// The code block's language for class="language-…": the first word of the info
// string, reduced to characters that cannot break out of a class list. They need
// no escaping; an unknown reference ("&Afr;": letters, digits, '&' and ';') is
// kept as typed, so the browser decodes it as it would have.
void append_language_class(OutputBuffer& out, const MD_ATTRIBUTE& lang) {
    struct Filter final : html::ReferenceSink {
        std::string safe;
        void text(std::string_view t) override {
            for (const char c : t) {
                const auto u = static_cast<unsigned char>(c);
                const bool keep = u >= 0x80 || is_ascii_alnum(c) || std::strchr("-_+.#", c) != nullptr;
                if (keep && c != '\0') safe.push_back(c);
            }
        }
        void reference(std::string_view r) override { safe.append(r); }
    } sink;
    split_attribute(lang, sink);
    if (sink.safe.empty()) return;
    put(out, " class=\"language-");
    out.append(sink.safe);
    out.push_back('"');
}

class HtmlWriter {
public:
    HtmlWriter(const RenderOptions& options, RenderResult& result)
        : options_(options),
          result_(result),
          out_(result.html),
          url_policy_(options.unsafe_any_url_scheme ? UrlPolicy::unsafe_any_scheme : UrlPolicy::safe),
          sanitizer_(url_policy_),
          is_comment_(options.profile == Profile::comment),
          ids_on_(options.heading_ids && !is_comment_),
          images_on_(!is_comment_ || options.allow_images),
          scoped_(!is_comment_ && !options.unsafe_raw_html) {}

    int render(std::string_view body) {
        body_ = body;
        line_from_ = body.data();
        line_ = result_.front_matter.body_first_line;
        MD_PARSER parser{};
        parser.flags = 0;
        if (options_.gfm) {
            parser.flags |= MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_PERMISSIVEAUTOLINKS;
        }
        // A stranger's HTML is never interpreted: md4c then reports it as text,
        // which the writer escapes like any other text.
        if (is_comment_) parser.flags |= MD_FLAG_NOHTML;
        // The callbacks never fail (they return 0): the md4c we compile does not
        // even test what they return (cmake/md4c_rewrite.cmake, rewrite 3).
        parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* self) { static_cast<HtmlWriter*>(self)->enter_block(t, d); return 0; };
        parser.leave_block = [](MD_BLOCKTYPE t, void* d, void* self) { static_cast<HtmlWriter*>(self)->leave_block(t, d); return 0; };
        parser.enter_span = [](MD_SPANTYPE t, void* d, void* self) { static_cast<HtmlWriter*>(self)->enter_span(t, d); return 0; };
        parser.leave_span = [](MD_SPANTYPE t, void* d, void* self) { static_cast<HtmlWriter*>(self)->leave_span(t, d); return 0; };
        parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* self) {
            static_cast<HtmlWriter*>(self)->text(t, std::string_view(s, n));
            return 0;
        };
        const int status = md_parse(body.data(), static_cast<MD_SIZE>(body.size()), &parser, this);
        // Spans md4c left open (it should leave none; after an out-of-memory
        // abort it can) are closed, so the HTML is always well nested.
        close_spans_from(0);
        // (Its URL warnings were given as each piece of raw HTML was fed: it
        // writes no start tag here.)
        if (!options_.unsafe_raw_html) sanitizer_.finish(out_);
        result_.words = words_.words();
        return status;
    }

private:
    // ---- blocks -----------------------------------------------------------
    // The blocks that end their spans and their raw HTML elements (the
    // sanitizer's scopes): all but the document and raw HTML blocks, whose
    // elements may span several of them ("<div>", Markdown, "</div>").
    static bool is_scope(MD_BLOCKTYPE type) { return type != MD_BLOCK_DOC && type != MD_BLOCK_HTML; }

    void enter_block(MD_BLOCKTYPE type, void* detail) {
        words_.end_word();
        if (scoped_ && is_scope(type)) sanitizer_.begin_scope(out_);
        switch (type) {
            default: out_.append_outlined(kBlockStarts[type]); break;  // the blocks without details
            case MD_BLOCK_OL: {
                const auto* d = static_cast<const MD_BLOCK_OL_DETAIL*>(detail);
                if (d->start == 1) {
                    put_block(out_, "<ol>\n");
                } else {
                    put_block(out_, "<ol start=\"");
                    append_decimal(out_, d->start);
                    put_block(out_, "\">\n");
                }
                break;
            }
            case MD_BLOCK_LI: {
                const auto* d = static_cast<const MD_BLOCK_LI_DETAIL*>(detail);
                if (d->is_task) {
                    put_block(out_, "<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled");
                    if (d->task_mark == 'x' || d->task_mark == 'X') put_block(out_, " checked");
                    put_block(out_, ">");
                } else {
                    put_block(out_, "<li>");
                }
                break;
            }
            case MD_BLOCK_H: {
                const auto* d = static_cast<const MD_BLOCK_H_DETAIL*>(detail);
                heading_level_ = d->level;
                heading_tag_at_ = out_.size();
                heading_text_.clear();
                in_heading_ = true;
                const char tag[] = {'<', 'h', static_cast<char>('0' + d->level), '>'};
                out_.append_outlined(std::string_view(tag, sizeof tag));
                break;
            }
            case MD_BLOCK_CODE: {
                const auto* d = static_cast<const MD_BLOCK_CODE_DETAIL*>(detail);
                put_block(out_, "<pre><code");
                if (d->lang.text != nullptr && d->lang.size > 0) {
                    if (options_.link_attributes) {
                        append_language_class(out_, d->lang);
                    } else {
                        put_block(out_, " class=\"language-");
                        append_attribute(out_, d->lang, false);
                        put_block(out_, "\"");
                    }
                }
                put_block(out_, ">");
                break;
            }
            case MD_BLOCK_TH:
            case MD_BLOCK_TD: {
                out_.append_outlined(std::string_view(type == MD_BLOCK_TH ? "<th" : "<td", 3));
                switch (static_cast<const MD_BLOCK_TD_DETAIL*>(detail)->align) {
                    case MD_ALIGN_LEFT: put_block(out_, " align=\"left\">"); break;
                    case MD_ALIGN_CENTER: put_block(out_, " align=\"center\">"); break;
                    case MD_ALIGN_RIGHT: put_block(out_, " align=\"right\">"); break;
                    default: put_block(out_, ">"); break;
                }
                break;
            }
        }
    }

    void leave_block(MD_BLOCKTYPE type, void*) {
        words_.end_word();
        if (is_scope(type)) {
            // A span md4c left open (0.4.8 drops the leave of an emphasis whose
            // closer an autolink swallowed: "*www.a.b*\\") ends with its block,
            // and so do the raw HTML elements opened in the block (html_sanitizer.h)
            // and an inline <script>, <textarea>, <svg>... left without its end
            // tag: its content is dropped up to the end of its block, no further
            // (found by review: "use <textarea> here" hid the rest of the article).
            close_spans_from(0);
            if (scoped_) {
                sanitizer_.end_block(out_);
                sanitizer_.end_scope(out_);
            }
        }
        if (type == MD_BLOCK_H) {
            finish_heading();
        } else if (type == MD_BLOCK_HTML) {
            if (!options_.unsafe_raw_html) {
                sanitizer_.end_block(out_);
                warn_dropped_html();  // a tag without its '>' (only an HTML block can end inside a tag)
            }
        } else {
            out_.append_outlined(kBlockEnds[type]);
        }
    }
    // Tags by MD_BLOCKTYPE, one table lookup instead of a switch of appends, for
    // the blocks whose tags need no details (raw HTML writes none: its lines
    // arrive as MD_TEXT_HTML; "" where a case above writes the tag). Both
    // tables: -47 B gzip.
    static constexpr std::string_view kBlockStarts[] = {
        "", "<blockquote>\n", "<ul>\n", "", "", "<hr>\n", "", "", "", "<p>", "<table>\n", "<thead>\n", "<tbody>\n", "<tr>\n",
    };
    static_assert(std::size(kBlockStarts) == MD_BLOCK_TH, "kBlockStarts ends where enter_block's own cases begin");
    static constexpr std::string_view kBlockEnds[] = {
        "", "</blockquote>\n", "</ul>\n", "</ol>\n", "</li>\n", "", "", "</code></pre>\n", "",
        "</p>\n", "</table>\n", "</thead>\n", "</tbody>\n", "</tr>\n", "</th>\n", "</td>\n",
    };
    // md4c 0.4.8's 16 block types, in its order (the tarball is pinned by SHA-256;
    // another md4c must be checked against these two tables).
    static_assert(MD_BLOCK_DOC == 0 && MD_BLOCK_QUOTE == 1 && MD_BLOCK_HR == 5 && MD_BLOCK_H == 6 && MD_BLOCK_CODE == 7 &&
                  MD_BLOCK_HTML == 8 && MD_BLOCK_P == 9 && MD_BLOCK_TR == 13 && MD_BLOCK_TD == 15 &&
                  std::size(kBlockEnds) == MD_BLOCK_TD + 1, "kBlockEnds follows md4c's MD_BLOCKTYPE");

    // The id can only be known once the heading's text is complete, so it is
    // inserted into the opening tag afterwards. The tag is the last thing opened,
    // so the insert moves only this heading's own bytes: still linear overall.
    void finish_heading() {
        in_heading_ = false;
        std::string id;
        if (ids_on_) id = slugs_.unique_id(heading_text_, options_.id_prefix);
        if (!id.empty()) {
            OutputBuffer attr;
            attr.append(" id=\"");
            html::append_escaped_attribute(attr, id);
            attr.push_back('"');
            out_.insert(heading_tag_at_ + 3, attr.view());
            if (options_.heading_anchors) {
                put_block(out_, " <a class=\"heading-anchor\" href=\"#");
                append_url_attribute(out_, id);
                put_block(out_, "\" aria-label=\"Permalink: ");
                html::append_escaped_attribute(out_, heading_text_);
                put_block(out_, "\">#</a>");
            }
        }
        const char tag[] = {'<', '/', 'h', static_cast<char>('0' + heading_level_), '>', '\n'};
        out_.append_outlined(std::string_view(tag, sizeof tag));
        if (options_.toc_levels & (1u << heading_level_)) {
            result_.toc.push_back(TocEntry{heading_level_, std::move(id), heading_text_});
        }
    }

    // ---- spans ------------------------------------------------------------
    struct OpenSpan {
        MD_SPANTYPE type;
        bool written;  ///< its opening tag is in the output
    };

    // Every entered span is on spans_, with whether its opening tag was
    // written, so that each leave closes exactly what its enter opened.
    void enter_span(MD_SPANTYPE type, void* detail) {
        // Raw HTML elements opened in a span end with it, like those of a block
        // (close_spans_from), so that "*a <b>c*" nests as <em>a <b>c</b></em>.
        if (scoped_) sanitizer_.begin_scope(out_);
        if (image_depth_ > 0) {
            // Inside an image only the alt text matters; nested spans have no markup.
            if (type == MD_SPAN_IMG) ++image_depth_;
            spans_.push_back({type, false});
            return;
        }
        bool written = true;
        switch (type) {
            case MD_SPAN_EM:
            case MD_SPAN_STRONG:
            case MD_SPAN_CODE:
            case MD_SPAN_DEL: out_.append(kSpanTags[type].start); break;
            case MD_SPAN_A: written = open_link(*static_cast<const MD_SPAN_A_DETAIL*>(detail)); break;
            case MD_SPAN_IMG: open_image(*static_cast<const MD_SPAN_IMG_DETAIL*>(detail)); break;
            default: written = false; break;
        }
        spans_.push_back({type, written});
    }

    // md4c 0.4.8 can report a leave without its enter (found by tests/fuzz: a
    // permissive autolink overlapping an image sends a lone leave of MD_SPAN_A).
    // Such a leave is ignored; a leave that skips spans still open closes them
    // first, so the HTML stays well nested either way.
    void leave_span(MD_SPANTYPE type, void*) {
        std::size_t open = spans_.size();
        while (open > 0 && spans_[open - 1].type != type) --open;
        if (open > 0) close_spans_from(open - 1);
    }

    // Closes, innermost first, every open span from spans_[first] on.
    void close_spans_from(std::size_t first) {
        while (spans_.size() > first) {
            if (scoped_) sanitizer_.end_scope(out_);
            close_span(spans_.back());
            spans_.pop_back();
        }
    }

    void close_span(const OpenSpan& span) {
        if (span.type == MD_SPAN_IMG) {
            if (--image_depth_ == 0) close_image();
            return;
        }
        // Only the spans in kSpanTags are ever written (enter_span).
        if (image_depth_ > 0 || !span.written || span.type > MD_SPAN_DEL) return;
        out_.append(kSpanTags[span.type].end);
    }

    // Tags by MD_SPANTYPE, one table lookup instead of a switch of appends
    // (the image's tags are written apart: open_image, close_image).
    struct SpanTags {
        std::string_view start, end;
    };
    static constexpr SpanTags kSpanTags[] = {
        {"<em>", "</em>"}, {"<strong>", "</strong>"}, {"", "</a>"}, {"", ""}, {"<code>", "</code>"}, {"<del>", "</del>"},
    };
    static_assert(MD_SPAN_EM == 0 && MD_SPAN_STRONG == 1 && MD_SPAN_A == 2 && MD_SPAN_IMG == 3 && MD_SPAN_CODE == 4 &&
                  MD_SPAN_DEL == 5, "kSpanTags follows md4c's MD_SPANTYPE");

    // Returns whether the <a> was written (an unsafe URL drops it; the text stays).
    bool open_link(const MD_SPAN_A_DETAIL& d) {
        decode_attribute(d.href, scratch_);
        const UrlClass url_class = classify_url(scratch_);
        if (!is_url_allowed(url_class, url_policy_)) {
            warn_dropped_url(scratch_, d.href.text);
            return false;
        }
        const bool external = is_external_url(url_class);
        put_block(out_, "<a href=\"");
        append_attribute(out_, d.href, true);
        if (d.title.text != nullptr) {
            put_block(out_, "\" title=\"");
            append_attribute(out_, d.title, false);
        }
        if (is_comment_) put_block(out_, "\" rel=\"nofollow ugc noopener noreferrer\">");
        else if (options_.link_attributes && external) put_block(out_, "\" rel=\"noopener noreferrer\">");
        else put_block(out_, "\">");
        return true;
    }

    void open_image(const MD_SPAN_IMG_DETAIL& d) {
        image_depth_ = 1;
        image_written_ = false;
        if (!images_on_) return;  // alt text is written as plain text instead
        decode_attribute(d.src, scratch_);
        if (!is_url_allowed(scratch_, url_policy_)) {
            warn_dropped_url(scratch_, d.src.text);
            return;
        }
        image_written_ = true;
        put_block(out_, "<img src=\"");
        append_attribute(out_, d.src, true);
        put_block(out_, "\" alt=\"");
        // The title follows the alt text, which is still to come: kept escaped.
        image_title_.clear();
        has_image_title_ = d.title.text != nullptr;
        if (has_image_title_) append_attribute(image_title_, d.title, false);
    }

    void close_image() {
        if (!image_written_) return;
        if (has_image_title_) {
            put_block(out_, "\" title=\"");
            out_.append(image_title_.view());
        }
        if (options_.link_attributes) put_block(out_, "\" loading=\"lazy\" decoding=\"async\">");
        else put_block(out_, "\">");
    }

    // ---- text -------------------------------------------------------------
    void text(MD_TEXTTYPE type, std::string_view s) {
        switch (type) {
            case MD_TEXT_NULLCHAR: write_text("\xEF\xBF\xBD"); break;
            case MD_TEXT_BR:
            case MD_TEXT_SOFTBR:
                words_.end_word();
                if (image_depth_ > 0) write_text(" ");
                else if (type == MD_TEXT_BR) put(out_, "<br>\n");
                else out_.push_back('\n');
                // A break separates words in the TOC text too (found by review:
                // a heading's hard break ran "Foo" and "bar" into "Foobar").
                if (in_heading_) heading_text_.push_back(' ');
                break;
            case MD_TEXT_ENTITY:
                scratch_.clear();
                if (html::append_decoded_entity(scratch_, s)) {
                    write_text(scratch_);
                } else if (html::may_write_reference_verbatim(s)) {
                    write_reference(s);  // a name the engine does not know: the browser decodes it
                } else {
                    write_text(s);  // not a reference: the literal text, escaped ("&amp;notit;")
                }
                break;
            case MD_TEXT_HTML:
                if (options_.unsafe_raw_html) {
                    out_.append(s);
                } else if (image_depth_ > 0) {
                    write_text(s);  // alt text is plain text: markup shows as written
                } else {
                    sanitizer_.feed(s, out_);
                    warn_dropped_html();
                }
                break;
            case MD_TEXT_CODE:
            case MD_TEXT_NORMAL:
            default:
                write_text(s);
                break;
        }
    }

    void write_text(std::string_view s) {
        if (image_depth_ > 0) {
            if (image_written_) html::append_escaped_attribute(out_, s);
            else html::append_escaped_text(out_, s);
            return;
        }
        // Text between an inline <script> (or <svg>, ...) and its end tag belongs to
        // the dropped element: it goes with it.
        if (!options_.unsafe_raw_html && sanitizer_.in_dropped_content()) return;
        words_.add_text_and_escape(s, out_);
        if (in_heading_) heading_text_.append(s);
    }

    // An entity reference the engine does not decode, written as it is (see
    // html_entities.h); the TOC, slug and word count see its literal text.
    void write_reference(std::string_view reference) {
        if (image_depth_ == 0) {
            if (!options_.unsafe_raw_html && sanitizer_.in_dropped_content()) return;
            words_.add_text(reference);
            if (in_heading_) heading_text_.append(reference);
        }
        out_.append(reference);
    }

    // What was left out, by kind (HtmlSanitizer::kDroppedUrl...: their values
    // index this table): the warning's code and the start of its message,
    // which ends with the URL (its first 80 bytes) or the tag.
    struct DroppedWarning {
        const char* code;
        const char* message;
    };
    static constexpr DroppedWarning kDropped[] = {
        {"url_dropped", "a URL was removed because its scheme is not allowed: "},
        {"tag_dropped", "a raw HTML tag was removed because it is not allowed: <"},
        {"tag_dropped", "a raw HTML tag was removed because it is not allowed there: <"},
        {"attribute_dropped", "a raw HTML attribute was removed because it or its value is not allowed: <"},
        {"tag_dropped", "a raw HTML tag was removed because its '>' is missing: <"},
    };

    // `at` is where the URL or tag is written: in the body for raw HTML and
    // for a Markdown destination without escapes or entities, in md4c's
    // decoded copy otherwise (then the line is unknown: null in the JSON).
    void warn_dropped(std::size_t kind, std::string_view text, const char* at) {
        std::size_t shown_size = text.size() < 80 ? text.size() : 80;
        while (shown_size < text.size() && (text[shown_size] & 0xC0) == 0x80) --shown_size;  // whole characters
        std::string message(kDropped[kind].message);
        message.append(text.data(), shown_size);
        if (kind != HtmlSanitizer::kDroppedUrl) message.push_back('>');  // a tag
        add_warning(result_, line_at(at), kDropped[kind].code, std::move(message));
    }
    void warn_dropped_url(std::string_view url, const char* at) { warn_dropped(HtmlSanitizer::kDroppedUrl, url, at); }

    // What the sanitizer has just left out of raw HTML (URLs, tags,
    // attributes), each with the line its tag begins on.
    static_assert(HtmlSanitizer::kMaxDropped > kMaxWarnings, "the sanitizer must list enough for every warning");
    static_assert(HtmlSanitizer::kDroppedUrl == 0 && HtmlSanitizer::kDroppedTag == 1 && HtmlSanitizer::kMisplacedTag == 2 &&
                      HtmlSanitizer::kDroppedAttribute == 3 && HtmlSanitizer::kUnfinishedTag == 4,
                  "kDropped is indexed by the sanitizer's kinds");
    void warn_dropped_html() {
        sanitizer_.take_dropped([this](char kind, const char* at, std::string_view text) {
            warn_dropped(static_cast<std::size_t>(kind), text, at);
        });
    }

    // The line (1-based, in the whole document) of position `at` of the body,
    // 0 outside it. Counts on from the position asked for before, so all
    // warnings cost one pass. They come in document order, but for a reference
    // link (its URL is written in its definition, often at the end of the
    // article) and raw HTML inside a link's text (reported after the link):
    // a position before the last one counted gets 0 (unknown) rather than a
    // recount, which would make the counting quadratic. LF, CRLF, CR end a line.
    std::size_t line_at(const char* at) {
        if (at < line_from_ || at > body_.data() + body_.size()) return 0;
        for (; line_from_ < at; ++line_from_) {
            line_ += *line_from_ == '\n' || (*line_from_ == '\r' && line_from_[1] != '\n');
        }
        return line_;
    }

public:
    static void add_warning(RenderResult& result, std::size_t line, const char* code, std::string message) {
        if (result.warnings.size() > kMaxWarnings) return;
        if (result.warnings.size() == kMaxWarnings) {  // the last one says that more were left out
            line = 0;
            code = "warnings_truncated";
            message = "more warnings were found and not reported";
        }
        result.warnings.push_back({line, code, std::move(message)});
    }

private:
    const RenderOptions& options_;
    RenderResult& result_;
    OutputBuffer& out_;
    UrlPolicy url_policy_;
    HtmlSanitizer sanitizer_;
    SlugRegistry slugs_;
    WordCounter words_;
    const bool is_comment_;
    const bool ids_on_;
    const bool images_on_;
    const bool scoped_;  ///< raw HTML goes through the sanitizer: blocks and spans are its scopes
    bool in_heading_ = false;
    unsigned heading_level_ = 0;
    std::size_t heading_tag_at_ = 0;
    std::string heading_text_;
    std::vector<OpenSpan> spans_;
    unsigned image_depth_ = 0;
    bool image_written_ = false;
    bool has_image_title_ = false;
    OutputBuffer image_title_;  ///< escaped
    std::string scratch_;
    std::string_view body_;
    const char* line_from_ = nullptr;  ///< line_at has counted the lines up to here
    std::size_t line_ = 1;             ///< the line of line_from_
};

}  // namespace

RenderOptions unsafe_commonmark_options() {
    RenderOptions o;
    o.gfm = false;
    o.heading_ids = false;
    o.toc_levels = 0;
    o.front_matter = false;
    o.link_attributes = false;
    o.unsafe_raw_html = true;
    o.unsafe_any_url_scheme = true;
    return o;
}

void render_markdown(std::string_view markdown, const RenderOptions& options, RenderResult& result) {
    result.html.clear();
    result.toc.clear();
    result.warnings.clear();
    result.front_matter.clear();
    result.words = 0;
    result.reading_minutes = 0;
    result.replaced_invalid = 0;
    result.status = 0;

    // md4c needs valid UTF-8 for its Unicode rules, and CommonMark wants U+0000
    // replaced: repair once up front (the common, clean case costs one scan).
    // Either way md4c parses our own copy: md4c 0.4.8 reads the byte just past
    // the end of its input (md_is_inline_link_spec; found by tests/fuzz), so the
    // output could depend on whatever memory follows the caller's text. A
    // std::string always has a NUL there. The copy costs about 1% of a render.
    std::string& source = result.source;
    if (!utf8::is_clean(markdown)) {
        source.clear();
        result.replaced_invalid = utf8::repair(markdown, source);
    } else {
        source.assign(markdown.data(), markdown.size());
    }
    markdown = source;

    std::string_view body = markdown;
    // A BOM is no text, with or without front matter (found by review: it
    // broke a first-line heading when front matter was off).
    if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
    // A comment's leading "---" lines are the commenter's text, never metadata
    // (found by review: "---\nauthor: admin\n---" vanished into meta.author).
    if (options.front_matter && options.profile != Profile::comment) {
        parse_front_matter(body, result.front_matter);
        body.remove_prefix(result.front_matter.body_offset);
        for (const auto& w : result.front_matter.warnings) HtmlWriter::add_warning(result, w.line, w.code.c_str(), w.message);
    }

    result.html.reserve(body.size() + body.size() / 4 + 64);
    HtmlWriter writer(options, result);
    result.status = writer.render(body);
    if (result.html.failed()) result.status = -1;  // out of memory: the HTML is incomplete
    result.reading_minutes = reading_minutes(result.words, options.words_per_minute);
}

std::string render_metadata_json(const RenderResult& result) {
    std::string out;
    out.reserve(256 + 64 * (result.toc.size() + result.warnings.size()));
    out.append("{\"toc\":");
    json::append_array(out, result.toc, [&](const TocEntry& entry) {
        out.append("{\"level\":");
        json::append_unsigned(out, entry.level);
        json::append_key(out, "id");
        json::append_string(out, entry.id);
        json::append_key(out, "text");
        json::append_string(out, entry.text);
        out.push_back('}');
    });
    json::append_key(out, "meta");
    append_fields_json(out, result.front_matter);
    json::append_key(out, "words");
    json::append_unsigned(out, result.words);
    json::append_key(out, "readingMinutes");
    json::append_unsigned(out, result.reading_minutes);
    json::append_key(out, "warnings");
    json::append_array(out, result.warnings, [&](const RenderWarning& w) {
        out.append("{\"line\":");
        if (w.line) json::append_unsigned(out, w.line);
        else out.append("null");
        json::append_key(out, "code");
        json::append_string(out, w.code);
        json::append_key(out, "message");
        json::append_string(out, w.message);
        out.push_back('}');
    });
    json::append_key(out, "replacedInvalid");
    json::append_unsigned(out, result.replaced_invalid);
    json::append_key(out, "status");
    out.append(result.status == 0 ? "0" : "-1");
    out.push_back('}');
    return out;
}

}  // namespace blogreader::markdown
