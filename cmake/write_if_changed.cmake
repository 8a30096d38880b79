# write_if_changed(<path> <content>): writes the file only when its content
# differs, so that a generator re-run with the same result recompiles nothing.
# Shared by the generators that run as scripts (cmake -P): catalogs.cmake and
# md4c_rewrite.cmake.
function(write_if_changed path content)
  if(EXISTS "${path}")
    file(READ "${path}" old)
    if(old STREQUAL content)
      return()
    endif()
  endif()
  file(WRITE "${path}" "${content}")
endfunction()
