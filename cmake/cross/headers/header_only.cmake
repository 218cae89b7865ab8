# The header-only libraries (PEGTL, Boost, CLI11, nlohmann-json) as Debian installs them, for the cross build:
# an imported target whose include folder holds only that library's headers (links to /usr/include/NAME made
# by tools/release in its deps folder, beside the folder these files are copied to), never /usr/include itself, which would bring glibc's headers into a Windows build.
function(reckon_header_only target folder)
  if(NOT TARGET ${target})
    add_library(${target} INTERFACE IMPORTED)
    set_target_properties(${target} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../${folder})
  endif()
endfunction()
