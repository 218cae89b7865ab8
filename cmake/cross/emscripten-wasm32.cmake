# reckon for the browser (docs/browser.md): WebAssembly with Debian's emscripten, used by tools/web-engine.
# RECKON_DEPS is the prefix the tool built yaml-cpp, libxlsxwriter, expat, zlib and minizip into, from Debian's
# source packages, and where it put the header-only libraries' config (cmake/cross/headers).
include(/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake)

if(NOT RECKON_DEPS)
  set(RECKON_DEPS $ENV{RECKON_DEPS})
endif()
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES RECKON_DEPS)
list(APPEND CMAKE_FIND_ROOT_PATH ${RECKON_DEPS})

# C++ exceptions as WebAssembly's own (smaller and quicker than emscripten's JavaScript ones; every browser of
# the last three years has them). Each library thrown through is built with the same flag.
set(CMAKE_C_FLAGS_INIT "-fwasm-exceptions")
set(CMAKE_CXX_FLAGS_INIT "-fwasm-exceptions")
set(CMAKE_CXX_STANDARD_LIBRARIES "${RECKON_DEPS}/lib/libminizip.a ${RECKON_DEPS}/lib/libz.a" CACHE STRING "" FORCE)
