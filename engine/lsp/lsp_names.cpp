// The names an editor meets (lsp_names.hpp): a word is looked up first with the name before its '.', as a
// member of an enumeration or an input's dotted path, then as a name alone; a test and a member are never
// found by their last part alone.
#include "lsp/lsp_names.hpp"

#include <algorithm>
#include <iterator>

namespace reckon::lsp {

bool is_keyword(const std::string& w) {
    return std::any_of(std::begin(keywords), std::end(keywords), [&](const char* k) { return w == k; });
}

std::vector<Declaration> named(const std::vector<Declaration>& all, const Word& w) {
    std::vector<Declaration> out;
    const std::string dotted = w.before.empty() ? "" : w.before + "." + w.text;
    for (const auto& d : all)
        if (!dotted.empty() && d.name == dotted) out.push_back(d);
    if (!out.empty()) return out;
    for (const auto& d : all)
        if (d.name == w.text && d.kind != DeclarationKind::test && d.kind != DeclarationKind::member) out.push_back(d);
    return out;
}

}  // namespace reckon::lsp
