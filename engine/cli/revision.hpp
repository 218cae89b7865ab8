// `REV:PATH` arguments of `reckon diff`: a ruleset as it was at a git
// revision, written out (with the rule files beside it, for its imports) into
// a temporary folder. git is run directly, without a shell.
#pragma once

#include <string>

namespace reckon::cli {

struct Checkout {
    std::string entry;   // the entry file inside `folder`
    std::string folder;  // temporary; removed by the destructor
    ~Checkout();
};

// Throws std::runtime_error with git's message when REV:PATH cannot be read.
void checkout_revision(const std::string& rev, const std::string& path, Checkout& out);

}  // namespace reckon::cli
