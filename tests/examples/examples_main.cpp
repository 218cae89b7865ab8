// reckon_examples: lists the examples, or runs one (see example.hpp). The
// closing line is `1 passed, 0 failed` or `0 passed, 1 failed`.
#include "example.hpp"

#include <exception>
#include <iostream>

using namespace reckon::testing;

namespace reckon::testing {

void Verdict::expect(bool ok, const std::string& what) {
    if (!ok) failures_.push_back(what);
}

void Verdict::same(const std::string& what, const std::string& expected, const std::string& actual) {
    if (expected != actual)
        failures_.push_back(what + " differs.\n--- expected\n" + expected + "\n--- actual\n" + actual + "\n---");
}

}  // namespace reckon::testing

namespace {

int run(const std::string& name) {
    Verdict v;
    auto colon = name.rfind(':');
    if (name.rfind("docs/", 0) == 0 && colon != std::string::npos) {
        run_docs_example(name.substr(0, colon), std::stoi(name.substr(colon + 1)), v);
    } else if (name.size() > 4 && name.compare(name.size() - 4, 4, ".lsp") == 0) {
        run_lsp_example(name, v);
    } else if (name.size() > 4 && name.compare(name.size() - 4, 4, ".err") == 0) {
        run_golden_example(name, v);
    } else {
        std::cerr << "reckon_examples: '" << name << "' is not an example (see --list)\n";
        return 2;
    }
    for (const auto& f : v.failures()) std::cout << "FAILED: " << name << ": " << f << "\n";
    std::cout << (v.failures().empty() ? "1 passed, 0 failed" : "0 passed, 1 failed") << "\n";
    return v.failures().empty() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        if (argc == 2 && std::string(argv[1]) == "--list") {
            for (const auto& g : golden_examples()) std::cout << g << "\n";
            for (const auto& d : docs_examples()) std::cout << d << "\n";
            for (const auto& l : lsp_examples()) std::cout << l << "\n";
            return 0;
        }
        if (argc == 2) return run(argv[1]);
    } catch (const std::exception& e) {
        std::cout << "FAILED: " << argv[1] << ": " << e.what() << "\n0 passed, 1 failed\n";
        return 1;
    }
    std::cerr << "usage: reckon_examples --list | reckon_examples NAME\n";
    return 2;
}
