// The C ABI: argument unpacking and output buffers only; all logic is in the core.
#include "api.h"

#include <string>
#include <string_view>

#if BR_WITH_COMMENTS
#include "comments/comment_api.h"
#endif
#include "markdown/render.h"

namespace {

using blogreader::markdown::Profile;
using blogreader::markdown::RenderOptions;
using blogreader::markdown::RenderResult;

// The output parts, owned here and valid until the next call.
RenderResult g_render;
std::string g_json;
std::string g_input;

std::string_view view(const char* data, size_t size) { return size ? std::string_view(data, size) : std::string_view(); }

RenderOptions render_options_from_flags(unsigned flags, unsigned toc_levels, unsigned words_per_minute,
                                        std::string_view id_prefix) {
    RenderOptions o;
    o.profile = (flags & BR_RENDER_COMMENT_PROFILE) ? Profile::comment : Profile::article;
    o.gfm = !(flags & BR_RENDER_NO_GFM);
    o.heading_ids = !(flags & BR_RENDER_NO_HEADING_IDS);
    o.heading_anchors = (flags & BR_RENDER_HEADING_ANCHORS) != 0;
    o.link_attributes = !(flags & BR_RENDER_NO_LINK_ATTRIBUTES);
    o.front_matter = !(flags & BR_RENDER_NO_FRONT_MATTER);
    o.allow_images = (flags & BR_RENDER_COMMENT_IMAGES) != 0;
    o.unsafe_raw_html = (flags & BR_RENDER_UNSAFE_RAW_HTML) != 0;
    o.unsafe_any_url_scheme = (flags & BR_RENDER_UNSAFE_ANY_URL_SCHEME) != 0;
    o.toc_levels = toc_levels;
    o.words_per_minute = words_per_minute;
    o.id_prefix.assign(id_prefix.data(), id_prefix.size());
    return o;
}

[[maybe_unused]] int json_status(const std::string& json) {
    // The comment API reports a malformed request as {"error":...} at the top level.
    return json.compare(0, 9, "{\"error\":") == 0 ? BR_ERROR_BAD_REQUEST : BR_OK;
}

}  // namespace

extern "C" {

int br_abi_version(void) { return BR_ABI_VERSION; }

char* br_input_buffer(size_t size) {
    if (g_input.size() < size) {
        g_input.clear();
        g_input.shrink_to_fit();
        g_input.resize(size);
    }
    return g_input.data();
}

const char* br_output_data(int part) { return part == BR_OUTPUT_HTML ? g_render.html.data() : g_json.data(); }

size_t br_output_size(int part) { return part == BR_OUTPUT_HTML ? g_render.html.size() : g_json.size(); }

int br_render_markdown(const char* markdown, size_t markdown_size, unsigned flags, unsigned toc_levels,
                       unsigned words_per_minute, const char* id_prefix, size_t id_prefix_size) {
    const RenderOptions options =
        render_options_from_flags(flags, toc_levels, words_per_minute, view(id_prefix, id_prefix_size));
    blogreader::markdown::render_markdown(view(markdown, markdown_size), options, g_render);
    g_json = blogreader::markdown::render_metadata_json(g_render);
    return g_render.status == 0 ? BR_OK : BR_ERROR_OUT_OF_MEMORY;
}

#if BR_WITH_COMMENTS
int br_validate_comment(const char* request_json, size_t request_size, const char* field_bytes,
                        size_t field_bytes_size) {
    g_json = blogreader::comments::validate_comment_request(view(request_json, request_size),
                                                            view(field_bytes, field_bytes_size));
    return json_status(g_json);
}

int br_validate_field(const char* field_name, size_t field_name_size, const char* value, size_t value_size,
                      const char* options_json, size_t options_size) {
    g_json = blogreader::comments::validate_field_request(view(field_name, field_name_size), view(value, value_size),
                                                          view(options_json, options_size));
    return json_status(g_json);
}

int br_form_messages(const char* options_json, size_t options_size) {
    g_json = blogreader::comments::form_messages_request(view(options_json, options_size));
    return json_status(g_json);
}

#endif  // BR_WITH_COMMENTS

}  // extern "C"
