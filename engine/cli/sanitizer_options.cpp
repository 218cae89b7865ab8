// Built only with -DRECKON_SANITIZE=ON (LeakSanitizer asks the program for
// these at start).
//
// libxlsxwriter 1.1.4 (Debian's) does not free its copy of the formula of a
// list validation (LXW_VALIDATION_TYPE_LIST_FORMULA): 17 to 30 bytes per
// validated column, once per `reckon template --format xlsx`, inside the
// library. A ten-line C program that sets one such validation reproduces it;
// LXW_VALIDATION_TYPE_LIST, DATE, DECIMAL and CUSTOM_FORMULA do not leak. The
// template needs the list formula (a drop-down of more members than fit in
// Excel's 255 characters), so the sanitizer build does not count leaks of the
// library's string copies; every other leak still fails the run.
extern "C" const char* __lsan_default_suppressions() { return "leak:lxw_strdup\n"; }
extern "C" const char* __lsan_default_options() { return "print_suppressions=0"; }
