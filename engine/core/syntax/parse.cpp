// The parse phase: text to syntax tree, in one pass of PEGTL over the file.
// Syntax errors carry the message of the commit point that failed
// (grammar/messages.hpp); nesting past the limit stops the parse before the
// stack runs out.
#include "core/syntax/parse.hpp"

#include "grammar/messages.hpp"
#include "core/syntax/parse_tree.hpp"

#include <cctype>
#include <tuple>

namespace reckon {
namespace {

using parse_tree::Node;
namespace pt = tao::pegtl::parse_tree;

// How deeply rules that contain themselves (parentheses, if/let, not, types)
// are nested in the parse under way: a state of the parse.
struct Nesting {
    std::uint64_t depth = 0;
    std::uint64_t limit;
};

template <typename Rule> inline constexpr bool nests = false;
template <> inline constexpr bool nests<grammar::expr> = true;
template <> inline constexpr bool nests<grammar::unary> = true;
template <> inline constexpr bool nests<grammar::type> = true;
template <typename B> inline constexpr bool nests<grammar::negated<B>> = true;

// The grammar's control, counting nesting in match(): the parse tree passes
// match() to the control for every rule (start() only for the rules it keeps),
// with every state: ours first (the Nesting), the parse tree's last.
template <typename Rule>
struct guarded : grammar::control<Rule> {
    template <tao::pegtl::apply_mode A, tao::pegtl::rewind_mode M, template <typename...> class Action,
              template <typename...> class Control, typename ParseInput, typename... States>
    [[nodiscard]] static bool match(ParseInput& in, States&&... st) {
        if constexpr (nests<Rule>) {
            Nesting& n = std::get<0>(std::tie(st...));
            if (++n.depth > n.limit) {
                n.depth = 0;
                throw tao::pegtl::parse_error("nested too deeply: parentheses, if/else, let, not, minus signs or types inside "
                                              "one another, hundreds of levels deep (the limit can be raised with --limit nesting=N)",
                                              in);
            }
            struct Leave {
                Nesting& n;
                ~Leave() { n.depth -= n.depth > 0; }
            } leave{n};
            return grammar::control<Rule>::template match<A, M, Action, Control>(in, st...);
        } else {
            return grammar::control<Rule>::template match<A, M, Action, Control>(in, st...);
        }
    }
};

template <typename Rule>
std::unique_ptr<Node> run(const SourceFile& src, std::uint64_t nesting_limit) {
    try {
        Nesting nesting{0, nesting_limit};
        tao::pegtl::memory_input in(src.text().data(), src.text().size(), src.path());
        return pt::parse<Rule, parse_tree::selector, tao::pegtl::nothing, guarded>(in, nesting);
    } catch (const tao::pegtl::parse_error& e) {
        auto off = static_cast<std::uint32_t>(e.positions().empty() ? 0 : e.positions().front().byte);
        // At the end of the file or of a line, point just after the last thing written.
        const std::string& t = src.text();
        std::uint32_t back = off;
        while (back > 0 && (back >= t.size() || t[back] == '\n' || t[back] == '\r' || t[back] == ' ' || t[back] == '\t') &&
               std::isspace(static_cast<unsigned char>(t[back - 1])))
            --back;
        if (back < off && (off >= t.size() || t[off] == '\n' || t[off] == '\r' || src.column_of(off) == 1)) off = back;
        throw CompileError({Diagnostic{Location{&src, off, 1}, std::string(e.message()), {}}});
    }
}

}  // namespace

ast::Module parse_module(SourcePtr source, const Limits& limits) {
    auto root = run<grammar::file>(*source, limits.nesting);
    if (!root) {
        ast::Module m;
        m.source = source;
        return m;
    }
    return parse_tree::module_of(*root, source, limits.expression_depth);
}

ast::ExprPtr parse_expression(SourcePtr source, const Limits& limits) {
    auto root = run<grammar::lone_expr>(*source, limits.nesting);
    return parse_tree::expression_of(*root, source.get(), limits.expression_depth);
}

}  // namespace reckon
