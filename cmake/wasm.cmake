# The WebAssembly build: one standalone .wasm, loaded by our own small loader
# (web/src/wasm.js) instead of Emscripten's JS glue, which is larger and whose
# EXPORT_ES6 output does not run under Node ESM in Emscripten 3.1.6.
file(STRINGS "${PROJECT_SOURCE_DIR}/wasm/exports.txt" br_export_lines REGEX "^br_")
if(NOT BR_WITH_COMMENTS)
  # The comment functions are exported only when the validator is built in.
  list(FILTER br_export_lines EXCLUDE REGEX "^br_(validate_comment|validate_field|form_messages)$")
endif()
set(br_exports "")
foreach(name IN LISTS br_export_lines)
  list(APPEND br_exports "_${name}")
endforeach()
string(REPLACE ";" "," br_exports "${br_exports}")

add_executable(blog_reader wasm/wasm_main.cpp)
target_link_libraries(blog_reader PRIVATE br_core)
set_target_properties(blog_reader PROPERTIES OUTPUT_NAME "blog-reader" SUFFIX ".wasm")
set_property(TARGET blog_reader APPEND PROPERTY LINK_DEPENDS "${PROJECT_SOURCE_DIR}/wasm/exports.txt")

# Size and speed: see bench/size.mjs for what each part costs. -O2 instead of -Oz
# for md4c and the writer was measured (bench/README.md); exceptions, RTTI and the
# filesystem are not needed; emmalloc is the smallest allocator.
set(BR_WASM_OPT "-O2" CACHE STRING "Optimization level of the WebAssembly build")
set(BR_WASM_MALLOC "emmalloc" CACHE STRING "Emscripten allocator (emmalloc: smallest; dlmalloc: faster)")
option(BR_WASM_LTO "Link-time optimization of the WebAssembly build" ON)
set(br_lto "")
if(BR_WASM_LTO)
  set(br_lto -flto)
endif()
# Measured: the prebuilt libc++ in Debian's Emscripten cache leaves std::string's
# accessors out of line; instantiating its templates here lets them inline.
target_compile_definitions(br_core PRIVATE _LIBCPP_DISABLE_EXTERN_TEMPLATE)
target_compile_options(br_core PRIVATE ${BR_WASM_OPT} ${br_lto} -fno-exceptions -fno-rtti)
target_compile_options(br_md4c PRIVATE ${BR_WASM_OPT} ${br_lto})
target_link_options(blog_reader PRIVATE
  ${BR_WASM_OPT} ${br_lto} -fno-exceptions -fno-rtti
  --no-entry
  -sSTANDALONE_WASM=1
  -sEXPORTED_FUNCTIONS=${br_exports}
  -sFILESYSTEM=0
  -sMALLOC=${BR_WASM_MALLOC}
  -sALLOW_MEMORY_GROWTH=1
  -sINITIAL_MEMORY=2MB
  -sTOTAL_STACK=256KB
  -sSUPPORT_LONGJMP=0
  -sERROR_ON_UNDEFINED_SYMBOLS=1
  -sABORTING_MALLOC=0)

# A build that keeps function names, for bench/wasm-functions.mjs (size analysis).
option(BR_WASM_KEEP_NAMES "Keep function names in the .wasm (larger; for size analysis only)" OFF)
if(BR_WASM_KEEP_NAMES)
  target_link_options(blog_reader PRIVATE --profiling-funcs)
endif()
