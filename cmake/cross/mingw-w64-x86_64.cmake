# Cross build for 64-bit Windows with Debian's mingw-w64 (posix threads, for std::thread), used by tools/release
# windows. RECKON_DEPS is the prefix the tool built the libraries without a mingw package into (yaml-cpp,
# libxlsxwriter, expat, zlib, minizip) and where it put the header-only libraries' config (cmake/cross/headers).
# Nothing is searched for in the host's /usr: its headers are glibc's, not the target's.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(triple x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${triple}-gcc-posix)
set(CMAKE_CXX_COMPILER ${triple}-g++-posix)
set(CMAKE_RC_COMPILER ${triple}-windres)
set(CMAKE_AR ${triple}-gcc-ar-posix CACHE FILEPATH "")
set(CMAKE_RANLIB ${triple}-gcc-ranlib-posix CACHE FILEPATH "")

if(NOT RECKON_DEPS)
  set(RECKON_DEPS $ENV{RECKON_DEPS})
endif()
# try_compile's projects (CMake's check of the compiler) read this file again: they must see the same prefix, or
# the libraries below are looked for in /lib
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES RECKON_DEPS)
set(CMAKE_FIND_ROOT_PATH /usr/${triple} ${RECKON_DEPS})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# One reckon.exe and nothing beside it: the C and C++ runtimes and winpthreads linked in. expat is built
# static, which its header must be told. zlib and minizip come last, for the static libraries that use them.
set(CMAKE_C_FLAGS_INIT "-DXML_STATIC")
set(CMAKE_CXX_FLAGS_INIT "-DXML_STATIC")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc -static-libstdc++")
set(CMAKE_CXX_STANDARD_LIBRARIES "${RECKON_DEPS}/lib/libminizip.a ${RECKON_DEPS}/lib/libz.a" CACHE STRING "" FORCE)
