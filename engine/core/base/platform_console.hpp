// The standard streams as reckon writes them on every platform: bytes as given, UTF-8, LF line ends. On Windows
// the console is told its output is UTF-8 (so `£` shows as `£`), and stdin, stdout and stderr are put in binary
// mode (no LF turned into CRLF, no CRLF read as LF: the same bytes as on Linux, and the language server's
// Content-Length counts bytes). Elsewhere there is nothing to do.
#pragma once

namespace reckon {

// Once, before anything is read or written.
void prepare_console();

}  // namespace reckon
