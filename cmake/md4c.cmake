# md4c from the verified Debian source tarball (scripts/fetch-md4c.sh puts it in
# .cache/md4c). The tarball is checked again here so that a build can never use a
# file that was swapped after the fetch, then unpacked into the build tree.
set(MD4C_VERSION 0.4.8)
set(MD4C_SHA256 4a457df853425b6bb6e3457aa1d1a13bccec587a04c38c622b1013a0da41439f)
set(MD4C_TARBALL "${PROJECT_SOURCE_DIR}/.cache/md4c/md4c_${MD4C_VERSION}.orig.tar.gz"
    CACHE FILEPATH "md4c ${MD4C_VERSION} original source tarball (fetched by scripts/fetch-md4c.sh)")

if(NOT EXISTS "${MD4C_TARBALL}")
  execute_process(COMMAND "${PROJECT_SOURCE_DIR}/scripts/fetch-md4c.sh" RESULT_VARIABLE fetch_result)
  if(NOT fetch_result EQUAL 0)
    message(FATAL_ERROR "md4c source tarball missing and scripts/fetch-md4c.sh failed")
  endif()
endif()
file(SHA256 "${MD4C_TARBALL}" md4c_actual_sha256)
if(NOT md4c_actual_sha256 STREQUAL MD4C_SHA256)
  message(FATAL_ERROR "${MD4C_TARBALL}: SHA-256 ${md4c_actual_sha256}, expected ${MD4C_SHA256}")
endif()

set(MD4C_SOURCE_DIR "${CMAKE_BINARY_DIR}/_deps/md4c-release-${MD4C_VERSION}/src")
if(NOT EXISTS "${MD4C_SOURCE_DIR}/md4c.c")
  file(ARCHIVE_EXTRACT INPUT "${MD4C_TARBALL}" DESTINATION "${CMAKE_BINARY_DIR}/_deps")
endif()

# br_generate(<script> OUTPUTS <files...> ARGS <-Dname=value...>): runs a
# generator over md4c's sources (cmake -P <script>) at configure time, when an
# output is missing or when the script or the verified md4c tarball changed
# since the outputs were made: a stamp beside the first output holds the hashes
# of both (timestamps would miss a new tarball, or take a half-written output as
# current). A change to a script re-runs the configure step, and with it the
# script, even when only `cmake --build` is called. The scripts write their
# outputs only once everything they check has passed.
function(br_generate script)
  cmake_parse_arguments(PARSE_ARGV 1 gen "" "" "OUTPUTS;ARGS")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${script}")
  file(SHA256 "${script}" script_sha256)
  get_filename_component(script_name "${script}" NAME)
  set(stamp "md4c ${MD4C_SHA256}, ${script_name} ${script_sha256}")
  list(GET gen_OUTPUTS 0 first_output)
  set(stamp_file "${first_output}.stamp")
  set(stamp_found "")
  if(EXISTS "${stamp_file}")
    file(READ "${stamp_file}" stamp_found)
  endif()
  set(current TRUE)
  foreach(output IN LISTS gen_OUTPUTS)
    if(NOT EXISTS "${output}")
      set(current FALSE)
    endif()
  endforeach()
  if(current AND stamp_found STREQUAL stamp)
    return()
  endif()
  file(REMOVE "${stamp_file}")
  execute_process(COMMAND "${CMAKE_COMMAND}" ${gen_ARGS} -P "${script}" RESULT_VARIABLE gen_result)
  if(NOT gen_result EQUAL 0)
    message(FATAL_ERROR "${script_name} failed on md4c ${MD4C_VERSION} (${MD4C_SOURCE_DIR})")
  endif()
  file(WRITE "${stamp_file}" "${stamp}")
endfunction()

# The HTML5 named character references, turned from md4c's entity.c into one
# compact string (see wasm/common/html_entities.cpp for the format and why).
set(BR_ENTITY_TABLE "${CMAKE_BINARY_DIR}/generated/html_entity_table.inc")
br_generate("${PROJECT_SOURCE_DIR}/cmake/entity_table.cmake" OUTPUTS "${BR_ENTITY_TABLE}"
            ARGS "-DINPUT=${MD4C_SOURCE_DIR}/entity.c" "-DOUTPUT=${BR_ENTITY_TABLE}")

# The md4c.c the engine compiles (md4c_br.c, included by md4c_unit.c), with its
# Unicode tables re-encoded (unicode_tables.inc) and five rewrites in all: see
# cmake/md4c_rewrite.cmake for what and why. tests/cpp/test_md4c_rewrite.cpp
# compares the replaced functions with those of the untouched md4c.c.
set(BR_UNICODE_TABLES "${CMAKE_BINARY_DIR}/generated/unicode_tables.inc")
set(BR_MD4C_REWRITTEN "${CMAKE_BINARY_DIR}/generated/md4c_br.c")
br_generate("${PROJECT_SOURCE_DIR}/cmake/md4c_rewrite.cmake" OUTPUTS "${BR_MD4C_REWRITTEN}" "${BR_UNICODE_TABLES}"
            ARGS "-DINPUT=${MD4C_SOURCE_DIR}/md4c.c" "-DOUTPUT_TABLES=${BR_UNICODE_TABLES}"
                 "-DOUTPUT_MD4C=${BR_MD4C_REWRITTEN}")
