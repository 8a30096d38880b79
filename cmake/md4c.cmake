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

# The HTML5 named character references, turned from md4c's entity.c into one
# compact string (see wasm/common/html_entities.cpp for the format and why).
set(BR_ENTITY_TABLE "${CMAKE_BINARY_DIR}/generated/html_entity_table.inc")
# A change to the generator re-runs the configure step, and with it the generator,
# even when only `cmake --build` is called.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/cmake/entity_table.cmake")
if(NOT EXISTS "${BR_ENTITY_TABLE}" OR "${PROJECT_SOURCE_DIR}/cmake/entity_table.cmake" IS_NEWER_THAN "${BR_ENTITY_TABLE}")
  execute_process(COMMAND "${CMAKE_COMMAND}" -DINPUT=${MD4C_SOURCE_DIR}/entity.c -DOUTPUT=${BR_ENTITY_TABLE}
                          -P "${PROJECT_SOURCE_DIR}/cmake/entity_table.cmake"
                  RESULT_VARIABLE gen_result)
  if(NOT gen_result EQUAL 0)
    message(FATAL_ERROR "could not generate the entity table from ${MD4C_SOURCE_DIR}/entity.c")
  endif()
endif()

# The md4c.c the engine compiles (md4c_br.c, included by md4c_unit.c), with its
# Unicode tables re-encoded (unicode_tables.inc) and five rewrites in all: see
# cmake/md4c_rewrite.cmake for what and why. tests/cpp/test_md4c_rewrite.cpp
# compares the replaced functions with those of the untouched md4c.c.
# Regenerated whenever the script or the verified tarball changes: a stamp holds
# the hashes of both that the outputs were made from.
set(BR_UNICODE_TABLES "${CMAKE_BINARY_DIR}/generated/unicode_tables.inc")
set(BR_MD4C_REWRITTEN "${CMAKE_BINARY_DIR}/generated/md4c_br.c")
set(br_rewrite_stamp_file "${CMAKE_BINARY_DIR}/generated/md4c_br.stamp")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/cmake/md4c_rewrite.cmake")
file(SHA256 "${PROJECT_SOURCE_DIR}/cmake/md4c_rewrite.cmake" br_rewrite_script_sha256)
set(br_rewrite_stamp "md4c ${MD4C_SHA256}, md4c_rewrite.cmake ${br_rewrite_script_sha256}")
set(br_rewrite_stamp_found "")
if(EXISTS "${br_rewrite_stamp_file}")
  file(READ "${br_rewrite_stamp_file}" br_rewrite_stamp_found)
endif()
if(NOT EXISTS "${BR_UNICODE_TABLES}" OR NOT EXISTS "${BR_MD4C_REWRITTEN}" OR
   NOT br_rewrite_stamp_found STREQUAL br_rewrite_stamp)
  file(REMOVE "${br_rewrite_stamp_file}")
  execute_process(COMMAND "${CMAKE_COMMAND}" -DINPUT=${MD4C_SOURCE_DIR}/md4c.c -DOUTPUT_TABLES=${BR_UNICODE_TABLES}
                          -DOUTPUT_MD4C=${BR_MD4C_REWRITTEN} -P "${PROJECT_SOURCE_DIR}/cmake/md4c_rewrite.cmake"
                  RESULT_VARIABLE gen_result)
  if(NOT gen_result EQUAL 0)
    message(FATAL_ERROR "could not rewrite ${MD4C_SOURCE_DIR}/md4c.c")
  endif()
  file(WRITE "${br_rewrite_stamp_file}" "${br_rewrite_stamp}")
endif()
