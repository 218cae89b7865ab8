// HTML for the appendix and the report: Markdown converted, text escaped.
#pragma once

#include <string>

namespace reckon {

// The same appendix as one self-contained HTML page (inline style, no
// request to any network), converted from the Markdown above.
std::string methodology_html(const std::string& markdown, const std::string& title);
// The Markdown above as HTML elements (no page around them), headings moved down `shift` levels.
std::string markdown_html(const std::string& markdown, int shift = 0);
// & < > " as entities.
std::string escape_html(const std::string& s);

}  // namespace reckon
