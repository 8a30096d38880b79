# The WebAssembly build: two standalone modules, loaded by our own small loader
# (web/src/wasm.js) instead of Emscripten's JS glue, which is larger and whose
# EXPORT_ES6 output does not run under Node ESM in Emscripten 3.1.6.
#
#   blog-reader.wasm           the Markdown engine: what an article page needs first
#   blog-reader-comments.wasm  the comment-form validator, loaded beside it (or later)
#
# Why two: a reader should get the article without first downloading the comment
# rules, their four message catalogs and the IDNA code (bench/size.mjs prints both).
# Both link the same br_core library; each takes only the objects its exports reach.

# ---- exports: wasm/exports.txt, in sections ([shared], then one per module).
file(STRINGS "${PROJECT_SOURCE_DIR}/wasm/exports.txt" br_export_file_lines)
# Read at configure time: an edit must configure again, or the modules keep the old list.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/wasm/exports.txt")
set(br_section "")
set(br_exports_shared "")
set(br_exports_markdown "")
set(br_exports_comments "")
foreach(line IN LISTS br_export_file_lines)
  string(STRIP "${line}" line)
  if(line MATCHES "^\\[(.+)\\]$")
    set(br_section "${CMAKE_MATCH_1}")
  elseif(line MATCHES "^br_[a-z_]+$")
    if(br_section STREQUAL "shared")
      list(APPEND br_exports_shared "_${line}")
    elseif(br_section STREQUAL "blog-reader.wasm")
      list(APPEND br_exports_markdown "_${line}")
    elseif(br_section STREQUAL "blog-reader-comments.wasm")
      list(APPEND br_exports_comments "_${line}")
    else()
      message(FATAL_ERROR "wasm/exports.txt: ${line} is in no known section (\"${br_section}\")")
    endif()
  elseif(NOT line STREQUAL "" AND NOT line MATCHES "^#")
    message(FATAL_ERROR "wasm/exports.txt: cannot read the line \"${line}\"")
  endif()
endforeach()

# ---- optimization. The code a render runs through for every byte of text (the
# scan of word_count.cpp, the UTF-8 check) and the comment rules (goal: <= 5 us
# per form) are compiled for speed, everything else, md4c included, for size.
# Each source gets exactly one -O flag: em++ 3.1.6 compiles "-Oz ... -O2" as
# -Oz (measured), so levels cannot be layered. LTO keeps each function's own
# level (its optsize/minsize attributes).
set(BR_WASM_OPT "-O2" CACHE STRING "Optimization level of the hot code of the WebAssembly build")
set(BR_WASM_SIZE_OPT "-Oz" CACHE STRING "Optimization level of the rest of the WebAssembly build")
# The link level decides LTO's inlining across files and wasm-opt's passes; each
# module has its own. Measured for the Markdown engine (2026-12-02): -Oz was
# 5.9 kB gzip smaller than -O2 before the entity, slug and JSON-number cuts, and
# only 0.9 kB after them, for 4 % of its speed (3.24 vs 3.12 ms on blog-200k,
# alternating in one process), so both links are -O2 again. With the writer at
# -Oz and inlining restored (below) it is 0.46 kB for about 3 %.
set(BR_WASM_LINK_OPT "-O2" CACHE STRING "Optimization level of the validator's link (LTO code generation, wasm-opt)")
set(BR_WASM_ENGINE_LINK_OPT "-O2" CACHE STRING "Optimization level of the Markdown engine's link")
# Our size-class heap (wasm/common/size_class_heap.h says what it trades in
# memory) and qsort are 1,300 B gzip smaller than emmalloc and musl's qsort in
# the Markdown engine, 558 B in the validator, at the same speed. Emscripten's emmalloc and dlmalloc stay selectable.
set(BR_WASM_MALLOC "size-classes" CACHE STRING "Allocator: size-classes (ours, wasm/wasm_malloc.cpp), or an Emscripten one (emmalloc, dlmalloc)")
# What each module adds for it: our allocator is a source of its own (with
# -sMALLOC=none); an Emscripten one is a link setting.
if(BR_WASM_MALLOC STREQUAL "size-classes")
  set(br_malloc_sources wasm/wasm_malloc.cpp)
  set(br_malloc_link -sMALLOC=none)
else()
  set(br_malloc_sources "")
  set(br_malloc_link -sMALLOC=${BR_WASM_MALLOC})
endif()
option(BR_WASM_LTO "Link-time optimization of the WebAssembly build" ON)
# WebAssembly features beyond the 2017 MVP, in Chrome 75, Edge 79, Firefox 79 and
# Safari 15 (late 2021) and later, and in Node 12.5+ (bulk memory sets that floor;
# sign extension is older). Bulk memory turns memcpy/memset into memory.copy/fill:
# measured on the Markdown engine 2.75 vs 2.90 ms on blog-200k (best of 60
# alternating batches), post-5k the same, 142 B gzip smaller; sign extension
# (one instruction instead of two shifts) saves 42 B more.
set(br_wasm_features -mbulk-memory -msign-ext)
# em++ 3.1.6 turns -Os and -Oz into "-Os/-Oz -fno-inline-functions" (its
# INLINING_LIMIT setting), and clang then marks every function that is not
# declared `inline` noinline: libc++'s string_view::operator[], string::size(),
# every member function defined in a class... all became calls, even after LTO.
# -finline-functions restores clang's own size-aware inlining. Measured on the
# Markdown engine: +120 B gzip; post-5k 69 vs 82 us per render, front matter of
# six keys 5.3 vs 11.3 us (best of 40 alternating batches). It is the default at -O2.
list(APPEND br_wasm_features -finline-functions)
set(br_lto "")
if(BR_WASM_LTO)
  set(br_lto -flto)
endif()
# Measured with inlining restored (-finline-functions above), 2026-12-02: the
# HTML writer (render.cpp), the output buffer and the URL filter at -Oz are
# 4,898 B gzip smaller for about 5 % of render time on blog-200k (2.67-2.74 vs
# 2.53-2.62 ms) and about 9 % on post-5k (75.9-77.7 vs 69.2-71.7 us): best of 60
# alternating batches, three runs. Everything at -Oz: about 4 kB more for 12-17 %.
# md4c at -Oz parses 8 % slower (1.21 vs 1.12 ms on blog-200k) for 2.6 kB; with
# OutputBuffer's appends forced inline in the writer (output_buffer.h), which
# wins that back, the engine is as fast as with md4c at -O2 (0-3 %, alternating
# batches) and 1,443 B smaller, so md4c is compiled for size too. What stays
# hot is the code that runs per byte of text: the one scan (word count and
# escaping the writer's text; at -Oz 659 B smaller but 20 % slower on
# blog-200k, measured after the cuts of the 2026-12-02 second session), and
# the allocator. html_escape.cpp (attributes, raw HTML text) at -Oz: 263 B,
# speed the same within noise; utf8.cpp (the input check, slugs) at -Oz: 273 B,
# speed the same (blog-200k best 2.53 vs 2.54 ms, post-5k 67.4 vs 67.7 us).
set(br_hot_sources_default wasm/markdown/word_count.cpp wasm/api_comments.cpp wasm/common/size_class_heap.cpp)
# To try another split, set BR_WASM_HOT_SOURCES_OVERRIDE (paths relative to the
# project) when configuring. The list above is not a cache variable, so a build
# tree configured before it changed follows the new list, not a cached copy.
set(BR_WASM_HOT_SOURCES_OVERRIDE "" CACHE STRING
  "Sources compiled with BR_WASM_OPT instead of the default list in cmake/wasm.cmake (the comment rules always are)")
if(BR_WASM_HOT_SOURCES_OVERRIDE)
  set(br_hot_sources ${BR_WASM_HOT_SOURCES_OVERRIDE})
else()
  set(br_hot_sources ${br_hot_sources_default})
endif()
file(GLOB br_comment_sources "${PROJECT_SOURCE_DIR}/wasm/comments/*.cpp")
list(TRANSFORM br_hot_sources PREPEND "${PROJECT_SOURCE_DIR}/")
list(APPEND br_hot_sources ${br_comment_sources})
get_target_property(br_core_sources br_core SOURCES)
get_target_property(br_md4c_sources br_md4c SOURCES)
get_target_property(br_unicode_sources br_unicode SOURCES)
foreach(source IN LISTS br_core_sources br_md4c_sources br_unicode_sources)
  get_filename_component(path "${source}" ABSOLUTE BASE_DIR "${PROJECT_SOURCE_DIR}")
  if(path IN_LIST br_hot_sources)
    set_source_files_properties("${path}" PROPERTIES COMPILE_OPTIONS "${BR_WASM_OPT}")
  elseif(path MATCHES "\\.(c|cpp)$")
    set_source_files_properties("${path}" PROPERTIES COMPILE_OPTIONS "${BR_WASM_SIZE_OPT}")
  endif()
endforeach()
set(br_md4c_unit "${PROJECT_SOURCE_DIR}/wasm/markdown/md4c_unit.c")
get_source_file_property(br_md4c_level "${br_md4c_unit}" COMPILE_OPTIONS)
set_source_files_properties("${br_md4c_unit}" PROPERTIES COMPILE_OPTIONS
  "$<IF:$<STREQUAL:$<TARGET_PROPERTY:NAME>,br_md4c_fast>,-O3,${br_md4c_level}>")
# Our malloc (wasm/wasm_malloc.cpp, only in the WebAssembly modules) runs on
# every allocation: compiled for speed, like the heap it calls.
set_source_files_properties("${PROJECT_SOURCE_DIR}/wasm/wasm_malloc.cpp" PROPERTIES COMPILE_OPTIONS "${BR_WASM_OPT}")
# The JSON code is cold in the Markdown engine (metadata, front matter values) but
# hot in the validator (every request and response): it is compiled at both
# levels, and the validator links the fast copy first, so that its archive is the
# one the linker takes the JSON symbols from.
set_source_files_properties("${PROJECT_SOURCE_DIR}/wasm/common/json.cpp" PROPERTIES COMPILE_OPTIONS
  "$<IF:$<STREQUAL:$<TARGET_PROPERTY:NAME>,br_json_fast>,${BR_WASM_OPT},${BR_WASM_SIZE_OPT}>")
add_library(br_json_fast STATIC wasm/common/json.cpp)
target_include_directories(br_json_fast PRIVATE "${PROJECT_SOURCE_DIR}/wasm")
target_compile_definitions(br_json_fast PRIVATE _LIBCPP_DISABLE_EXTERN_TEMPLATE)
target_compile_options(br_json_fast PRIVATE ${br_lto} ${br_wasm_features} -fno-exceptions -fno-rtti -fno-unroll-loops)

# Measured: the prebuilt libc++ in Debian's Emscripten cache has std::string's
# members out of line, each append a call that calls __is_long(), size(), ...;
# instantiating its templates in our objects lets them inline.
target_compile_definitions(br_core PRIVATE _LIBCPP_DISABLE_EXTERN_TEMPLATE)
# -fno-unroll-loops: measured on the Markdown engine 478 B gzip smaller and no
# slower (3.58-3.98 vs 3.71-4.23 ms on blog-200k, alternating in one process).
target_compile_options(br_core PRIVATE ${br_lto} ${br_wasm_features} -fno-exceptions -fno-rtti -fno-unroll-loops)
target_compile_options(br_md4c PRIVATE ${br_lto} ${br_wasm_features} -fno-unroll-loops)
# md4c compiled for speed, for bench/ceiling.mjs alone (md4c_ceiling_fast below):
# br_md4c's source, options, include folders and definitions; only the -O level
# differs, through the source's COMPILE_OPTIONS (after the loop above), as for json.cpp.
add_library(br_md4c_fast STATIC EXCLUDE_FROM_ALL wasm/markdown/md4c_unit.c)
foreach(property INCLUDE_DIRECTORIES COMPILE_DEFINITIONS COMPILE_OPTIONS)
  set_property(TARGET br_md4c_fast PROPERTY ${property} "$<TARGET_PROPERTY:br_md4c,${property}>")
endforeach()
target_compile_options(br_unicode PRIVATE ${br_lto} ${br_wasm_features} -fno-exceptions -fno-rtti -fno-unroll-loops)

# A build that keeps function names, for bench/size.mjs (size analysis by function and owner).
option(BR_WASM_KEEP_NAMES "Keep function names in the .wasm (larger; for size analysis only)" OFF)

# Emscripten 3.1.6 exports stackSave, stackRestore, stackAlloc, __errno_location
# and the function table from every standalone module, for JS glue that we do not
# use (later versions stop: emscripten-core/emscripten#11898). Emscripten's own
# remedy, when it knows the JS, is Binaryen's wasm-metadce with the graph of what
# the JS reaches; ours is web/src/wasm.js, which reaches the listed exports,
# memory and _initialize. Measured on the Markdown engine: 173 B gzip.
# The Binaryen that Emscripten uses: Debian's in /usr/bin, emsdk's in
# upstream/bin beside upstream/emscripten.
find_program(BR_WASM_METADCE wasm-metadce HINTS "${EMSCRIPTEN_ROOT_PATH}/../bin" REQUIRED)
# After wasm-metadce, one more wasm-opt at the link's level over the smaller
# module, and the functions renumbered by how often they are called (shorter
# LEB128 indices for the frequent ones). Measured on the Markdown engine
# (2026-12-03): -91 B gzip, the same speed (bench/ab.mjs: blog-200k best 1.009,
# post-5k 1.019, raw HTML 0.927). The validator is not: see below.
find_program(BR_WASM_OPT_TOOL wasm-opt HINTS "${EMSCRIPTEN_ROOT_PATH}/../bin" REQUIRED)
# Binaryen must be told the features the code uses: ours, as Binaryen names them.
set(br_metadce_features "")
foreach(flag IN LISTS br_wasm_features)
  if(flag MATCHES "^-m(.+)$")
    list(APPEND br_metadce_features "--enable-${CMAKE_MATCH_1}")
  endif()
endforeach()

# br_wasm_module(<target> <output name> <exports> <link -O level> <reoptimize: ON/OFF> [archives first]):
# one standalone module.
function(br_wasm_module target output exports link_opt reoptimize)
  add_executable(${target} wasm/wasm_main.cpp ${br_malloc_sources})
  target_compile_options(${target} PRIVATE ${br_wasm_features} ${br_lto})
  target_link_libraries(${target} PRIVATE ${ARGN} br_core)  # ARGN: archives that take precedence
  set_target_properties(${target} PROPERTIES OUTPUT_NAME "${output}" SUFFIX ".wasm")
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${PROJECT_SOURCE_DIR}/wasm/exports.txt")
  string(REPLACE ";" "," exports "${exports}")
  target_link_options(${target} PRIVATE
    ${link_opt} ${br_lto} ${br_wasm_features} -fno-exceptions -fno-rtti
    --no-entry
    -sSTANDALONE_WASM=1
    -sEXPORTED_FUNCTIONS=${exports}
    -sFILESYSTEM=0
    ${br_malloc_link}
    -sALLOW_MEMORY_GROWTH=1
    -sINITIAL_MEMORY=2MB
    -sTOTAL_STACK=256KB
    -sSUPPORT_LONGJMP=0
    -sERROR_ON_UNDEFINED_SYMBOLS=1
    -sABORTING_MALLOC=0)
  set(metadce_flags "")
  if(BR_WASM_KEEP_NAMES)
    target_link_options(${target} PRIVATE --profiling-funcs)
    set(metadce_flags -g)
  endif()
  # The reachability graph for wasm-metadce (see above): what the loader uses.
  set(graph "[\n  { \"name\": \"loader\", \"root\": true, \"reaches\": [\"memory\", \"_initialize\"")
  set(nodes "  { \"name\": \"memory\", \"export\": \"memory\" },\n  { \"name\": \"_initialize\", \"export\": \"_initialize\" }")
  string(REPLACE "," ";" export_list "${exports}")
  foreach(symbol IN LISTS export_list)
    string(REGEX REPLACE "^_" "" name "${symbol}")
    string(APPEND graph ", \"${name}\"")
    string(APPEND nodes ",\n  { \"name\": \"${name}\", \"export\": \"${name}\" }")
  endforeach()
  set(graph_file "${CMAKE_CURRENT_BINARY_DIR}/${output}.metadce.json")
  file(WRITE "${graph_file}" "${graph}] },\n${nodes}\n]\n")
  # In place, after the link: if it fails, the build fails and the generators
  # delete or re-make the .wasm (Makefiles have .DELETE_ON_ERROR, Ninja re-runs
  # the edge), so a module that skipped it is never left looking up to date.
  if(reoptimize)
    set(reoptimize_command COMMAND "${BR_WASM_OPT_TOOL}" "$<TARGET_FILE:${target}>" ${link_opt} --reorder-functions
                           ${metadce_flags} ${br_metadce_features} -o "$<TARGET_FILE:${target}>.opt"
                           COMMAND "${CMAKE_COMMAND}" -E rename "$<TARGET_FILE:${target}>.opt" "$<TARGET_FILE:${target}>")
  else()
    set(reoptimize_command "")
  endif()
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND "${BR_WASM_METADCE}" "$<TARGET_FILE:${target}>" -f "${graph_file}" ${metadce_flags}
            ${br_metadce_features} -o "$<TARGET_FILE:${target}>.metadce"
    COMMAND "${CMAKE_COMMAND}" -E rename "$<TARGET_FILE:${target}>.metadce" "$<TARGET_FILE:${target}>"
    ${reoptimize_command}
    COMMENT "Removing the exports the loader does not use from ${output}.wasm (wasm-metadce, for the engine wasm-opt)"
    VERBATIM)
endfunction()

br_wasm_module(blog_reader "blog-reader" "${br_exports_shared};${br_exports_markdown}" ${BR_WASM_ENGINE_LINK_OPT} ON)
target_compile_definitions(blog_reader PRIVATE BR_BYTE_LOOP_STRLEN)  # see wasm/wasm_main.cpp
# (Reoptimized, the validator came out 13 B gzip larger; with the functions
# reordered only, 97 B larger.)
br_wasm_module(blog_reader_comments "blog-reader-comments" "${br_exports_shared};${br_exports_comments}"
               ${BR_WASM_LINK_OPT} OFF br_json_fast)

# bench/md4c_ceiling.c: md4c with empty callbacks, the speed ceiling that
# bench/ceiling.mjs measures. Not part of the default build.
# The same allocator as the engine, so that the ceiling parses under the same
# conditions. br_core brings md4c and the heap; the link keeps only what is used.
set(br_ceiling_link_options ${br_lto} ${br_wasm_features} --no-entry -sSTANDALONE_WASM=1
  -sEXPORTED_FUNCTIONS=_ceiling_input,_ceiling_parse -sFILESYSTEM=0 ${br_malloc_link}
  -sALLOW_MEMORY_GROWTH=1 -sERROR_ON_UNDEFINED_SYMBOLS=1)
add_executable(md4c_ceiling EXCLUDE_FROM_ALL bench/md4c_ceiling.c ${br_malloc_sources})
target_link_libraries(md4c_ceiling PRIVATE br_core)
set_target_properties(md4c_ceiling PROPERTIES OUTPUT_NAME "md4c-ceiling" SUFFIX ".wasm")
target_compile_options(md4c_ceiling PRIVATE ${br_wasm_features} ${br_lto})
target_link_options(md4c_ceiling PRIVATE ${BR_WASM_ENGINE_LINK_OPT} ${br_ceiling_link_options})
# The same ceiling with md4c built for speed (br_md4c_fast, linked at -O3), so that
# the ceiling is also known for the fastest build of md4c. br_md4c_fast comes
# first: md_parse is then defined, and the linker takes nothing from br_core's
# -Oz copy of md4c (br_core still brings the heap and the Unicode tables).
add_executable(md4c_ceiling_fast EXCLUDE_FROM_ALL bench/md4c_ceiling.c ${br_malloc_sources})
target_link_libraries(md4c_ceiling_fast PRIVATE br_md4c_fast br_core)
set_target_properties(md4c_ceiling_fast PROPERTIES OUTPUT_NAME "md4c-ceiling-fast" SUFFIX ".wasm")
target_compile_options(md4c_ceiling_fast PRIVATE ${br_wasm_features} ${br_lto})
target_link_options(md4c_ceiling_fast PRIVATE -O3 ${br_ceiling_link_options})

# bench/md4c_html.cpp: md4c 0.4.8 and md4c-html as released (no rewrites), built
# for speed, not size: the md4c + md4c-html build the speed goal is set against,
# timed by bench/ceiling.mjs. Not part of the default build.
add_executable(md4c_html_stock EXCLUDE_FROM_ALL bench/md4c_html.cpp "${MD4C_SOURCE_DIR}/md4c.c"
               "${MD4C_SOURCE_DIR}/md4c-html.c" "${MD4C_SOURCE_DIR}/entity.c")
target_include_directories(md4c_html_stock PRIVATE "${MD4C_SOURCE_DIR}" "${PROJECT_SOURCE_DIR}/wasm")
set_target_properties(md4c_html_stock PROPERTIES OUTPUT_NAME "md4c-html-stock" SUFFIX ".wasm")
target_compile_options(md4c_html_stock PRIVATE -O3 -flto -mbulk-memory -msign-ext -w)
target_link_options(md4c_html_stock PRIVATE -O3 -flto -mbulk-memory -msign-ext --no-entry -sSTANDALONE_WASM=1
  -sEXPORTED_FUNCTIONS=_md4c_html_input,_md4c_html_render,_md4c_html_output,_md4c_html_piece_end -sFILESYSTEM=0
  -sALLOW_MEMORY_GROWTH=1 -sERROR_ON_UNDEFINED_SYMBOLS=1)
