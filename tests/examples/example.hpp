// One example a ctest entry: each golden diagnostic, each adversarial input
// and each example in docs/ is run on its own by `reckon_examples`, so that a
// failure names its file (and, for the docs, the line of the example).
//
//   reckon_examples --list          every example's name, one a line
//   reckon_examples NAME            runs that example; exit 0 when it passes
//
// Names: `tests/golden/units/unit-mismatch.err`, `docs/language.md:42`.
#pragma once

#include <string>
#include <vector>

namespace reckon::testing {

// What one example found wrong; it passed when there is nothing.
class Verdict {
public:
    void expect(bool ok, const std::string& what);
    // Text compared in full; on a difference, both are shown.
    void same(const std::string& what, const std::string& expected, const std::string& actual);
    const std::vector<std::string>& failures() const { return failures_; }

private:
    std::vector<std::string> failures_;
};

// tests/golden_example.cpp
std::vector<std::string> golden_examples();  // the .err files, relative to the source tree
void run_golden_example(const std::string& err, Verdict& v);

// tests/lsp_example.cpp: the language server's transcripts, tests/lsp/*.lsp
std::vector<std::string> lsp_examples();
void run_lsp_example(const std::string& name, Verdict& v);

// tests/docs_example.cpp
std::vector<std::string> docs_examples();  // "docs/language.md:42"
void run_docs_example(const std::string& doc, int line, Verdict& v);

}  // namespace reckon::testing
