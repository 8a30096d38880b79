// The C ABI of blog-reader.wasm: br_render_markdown. Argument unpacking and
// output buffers only; all logic is in the core (markdown/render.h).
#include "api.h"
#include "api_internal.h"

#include <string_view>

#include "markdown/render.h"

namespace {

using blogreader::markdown::Profile;
using blogreader::markdown::RenderOptions;
using blogreader::markdown::RenderResult;

// The last render; its HTML is the BR_OUTPUT_HTML part until the next call.
RenderResult g_render;

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

}  // namespace

extern "C" {

int br_render_markdown(const char* markdown, size_t markdown_size, unsigned flags, unsigned toc_levels,
                       unsigned words_per_minute, const char* id_prefix, size_t id_prefix_size) {
    using blogreader::abi::view;
    const RenderOptions options =
        render_options_from_flags(flags, toc_levels, words_per_minute, view(id_prefix, id_prefix_size));
    blogreader::markdown::render_markdown(view(markdown, markdown_size), options, g_render);
    blogreader::abi::set_html_output(g_render.html.data(), g_render.html.size());
    blogreader::abi::json_output() = blogreader::markdown::render_metadata_json(g_render);
    return g_render.status == 0 ? BR_OK : BR_ERROR_OUT_OF_MEMORY;
}

}  // extern "C"
