# Native Catch2 tests (Debian's catch2 2.x, single header in /usr/include/catch2).
find_package(Catch2 REQUIRED)
file(GLOB BR_TEST_SOURCES CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/tests/cpp/test_*.cpp")
# The Catch2 main is its own library so that editing a test never recompiles it.
add_library(br_catch_main STATIC tests/cpp/catch_main.cpp)
target_link_libraries(br_catch_main PUBLIC Catch2::Catch2)
add_executable(br_tests ${BR_TEST_SOURCES})
target_link_libraries(br_tests PRIVATE br_core br_catch_main)
target_compile_options(br_tests PRIVATE ${BR_WARNINGS})
target_compile_definitions(br_tests PRIVATE BR_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
include(Catch)
catch_discover_tests(br_tests)

# For test_md4c_rewrite.cpp: md4c's original functions, from the untouched md4c.c,
# and the rewritten ones, from the md4c_br.c the engine compiles.
add_library(br_md4c_reference STATIC tests/cpp/md4c_reference.c tests/cpp/md4c_rewritten.c)
target_include_directories(br_md4c_reference PRIVATE "${MD4C_SOURCE_DIR}" "${CMAKE_BINARY_DIR}/generated"
                           "${PROJECT_SOURCE_DIR}/wasm/markdown")
target_compile_definitions(br_md4c_reference PRIVATE MD4C_USE_UTF8)
# -w: md4c's code, not ours. -fsigned-char: md4c's decoders return a stray byte
# as a sign-extended char, as in WebAssembly (and on x86); the test compares
# them as the engine has them, also where char is unsigned (ARM).
target_compile_options(br_md4c_reference PRIVATE -w -fsigned-char)
target_link_libraries(br_md4c_reference PRIVATE br_unicode)
target_link_libraries(br_tests PRIVATE br_md4c_reference)
