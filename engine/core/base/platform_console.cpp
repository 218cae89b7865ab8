#include "core/base/platform_console.hpp"

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#include <windows.h>

#include <cstdio>
#include <initializer_list>
#endif

namespace reckon {

#ifdef _WIN32
void prepare_console() {
    SetConsoleOutputCP(CP_UTF8);
    for (FILE* f : {stdin, stdout, stderr}) _setmode(_fileno(f), _O_BINARY);
}
#else
void prepare_console() {}
#endif

}  // namespace reckon
