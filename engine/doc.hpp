// `reckon doc`: the methodology appendix, generated from the rules so that it
// can never disagree with the computation: every param with its value, unit
// and source; every table; the case schema; every rule and output with its
// description and formula; and, for a case, the worked value of each step.
#pragma once

#include "case.hpp"

#include <optional>
#include <string>

namespace reckon {

// Markdown. With a case, each per-case rule shows its worked value, as
// `reckon eval` shows outputs.
std::string methodology_markdown(const Program& p, const std::vector<Value>& params, const Case* c);

// The same appendix as one self-contained HTML page (inline style, no
// request to any network), converted from the Markdown above.
std::string methodology_html(const std::string& markdown, const std::string& title);
// The Markdown above as HTML elements (no page around them), headings moved down `shift` levels.
std::string markdown_html(const std::string& markdown, int shift = 0);
// & < > " as entities.
std::string escape_html(const std::string& s);

}  // namespace reckon
