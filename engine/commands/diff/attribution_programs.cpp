// The programs of `reckon diff --attribute`: each change matched to the declaration it changes (by its name: a
// param, table, function, type or unit by name, an input by its path, a rule by name and whether it is the
// cohort's), and the old version's declarations with those of a coalition's changes taken from the new version.
#include "commands/diff/attribution_programs.hpp"

#include "core/compile/compile.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace reckon {

const char* player_method_text(PlayerMethod m) {
    switch (m) {
        case PlayerMethod::each_change: return "each change on its own";
        case PlayerMethod::given_groups: return "the groups given with --group, each other change on its own";
        case PlayerMethod::by_section: return "the changes grouped by declaration section (more changes than --limit attribution)";
    }
    return "";
}

ChangeGroup parse_change_group(const std::string& setting) {
    const auto eq = setting.find('=');
    ChangeGroup g;
    if (eq == std::string::npos || eq == 0 || eq + 1 == setting.size())
        throw RequestError("--group " + setting + ": write NAME=CHANGE,CHANGE, each change as the diff names it, as in "
                           "--group hours=\"param working_hours,fn custody_charge\"");
    g.name = setting.substr(0, eq);
    for (std::size_t at = eq + 1; at <= setting.size();) {
        const auto comma = std::min(setting.find(',', at), setting.size());
        std::string c = setting.substr(at, comma - at);
        while (!c.empty() && c.front() == ' ') c.erase(c.begin());
        while (!c.empty() && c.back() == ' ') c.pop_back();
        if (c.empty()) throw RequestError("--group " + setting + ": an empty change name between commas");
        g.changes.push_back(c);
        at = comma + 1;
    }
    return g;
}

namespace {

// What a declaration is known by across the versions: "" for one no figure depends on (a test, an import, a report).
std::string decl_identity(const ast::Decl& d) {
    switch (d.kind) {
        case ast::DeclKind::unit:
        case ast::DeclKind::currency: return "unit:" + d.name;
        case ast::DeclKind::type: return "type:" + d.name;
        case ast::DeclKind::input: return d.run ? "name:" + d.name : "input:" + d.name;
        case ast::DeclKind::rule:
        case ast::DeclKind::output: return (d.cohort ? "cohort:" : "name:") + d.name;
        case ast::DeclKind::param:
        case ast::DeclKind::fn:
        case ast::DeclKind::table: return "name:" + d.name;
        case ast::DeclKind::require: return "require";  // kept as the old version has them
        case ast::DeclKind::test:
        case ast::DeclKind::import:
        case ast::DeclKind::report: return "";
    }
    return "";
}

// The declaration a change is of, known as decl_identity() knows it; "" for the header and the report.
std::string change_identity(const Change& c) {
    std::string name = c.name.substr(std::min(c.name.size(), c.name.find(' ') + 1));  // after "param ", "fn ", …
    if (c.section == "units") return "unit:" + name;
    if (c.section == "types") return "type:" + name;
    if (c.section == "inputs") return "input:" + name;
    if (c.section == "params" || c.section == "tables" || c.section == "functions") return "name:" + name;
    if (c.section == run_section) return membership_of(c) == Membership::none ? "setting:" + setting_of(c) : "cases:" + c.name;
    if (c.section != "rules") return "";
    const bool cohort = c.name.rfind("cohort ", 0) == 0;  // "cohort output x", "rule y(Grade)"
    name = cohort ? c.name.substr(7) : c.name;
    name = name.substr(std::min(name.size(), name.find(' ') + 1));
    name = name.substr(0, name.find('('));
    return (cohort ? "cohort:" : "name:") + name;
}

std::vector<const ast::Decl*> declarations(const Program& p) {
    std::vector<const ast::Decl*> out;
    for (const auto& m : p.modules)
        for (const auto& d : m.decls) out.push_back(&d);
    return out;
}

}  // namespace

CoalitionPrograms::CoalitionPrograms(const Program& old_p, const Program& new_p, const std::vector<Change>& changes,
                                     const DiffRun& old_run, const DiffRun& new_run)
    : old_(old_p), new_(new_p), changes_(changes), old_run_(old_run), new_run_(new_run) {}

std::shared_ptr<const Program> CoalitionPrograms::with(const std::vector<std::size_t>& applied) const {
    std::set<std::string> taken;  // the declarations the new version gives
    for (std::size_t c : applied) taken.insert(change_identity(changes_.at(c)));
    std::vector<const ast::Decl*> decls;
    for (const auto* d : declarations(old_)) {
        const std::string id = decl_identity(*d);
        if (!id.empty() && !taken.count(id)) decls.push_back(d);
    }
    for (const auto* d : declarations(new_))
        if (taken.count(decl_identity(*d))) decls.push_back(d);
    return compile_declarations(old_, {&new_}, decls, settings_with(old_run_, new_run_, changes_, applied));
}

std::vector<std::size_t> CoalitionPrograms::applied(const Players& players, std::uint64_t mask) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < players.players.size(); ++i)
        if (mask & (std::uint64_t{1} << i)) out.insert(out.end(), players.players[i].changes.begin(), players.players[i].changes.end());
    return out;
}

std::shared_ptr<const Program> CoalitionPrograms::with(const Players& players, std::uint64_t mask) const {
    return with(applied(players, mask));
}

bool CoalitionPrograms::separable(const std::vector<std::size_t>& applied) const {
    std::vector<std::size_t> rest;  // every attributable change but these
    for (std::size_t c = 0; c < changes_.size(); ++c)
        if (!change_identity(changes_[c]).empty() && std::find(applied.begin(), applied.end(), c) == applied.end()) rest.push_back(c);
    try {
        with(applied);
        with(rest);
        return true;
    } catch (const CompileError&) {
        return false;
    }
}

namespace {

void join(Player& into, const Player& from) {
    into.name += " + " + from.name;
    into.changes.insert(into.changes.end(), from.changes.begin(), from.changes.end());
}

// Players whose changes cannot be applied on their own (a rule that uses a param only the new version adds) made
// one with the player they need: the first that makes them separable, else every such player together.
void merge_inseparable(const CoalitionPrograms& v, Players& out) {
    auto& ps = out.players;
    for (std::size_t i = 0; i < ps.size();) {
        if (ps.size() == 1 || v.separable(ps[i].changes)) {
            ++i;
            continue;
        }
        const std::string alone = ps[i].name;
        std::size_t partner = ps.size();
        for (std::size_t j = 0; j < ps.size() && partner == ps.size(); ++j) {
            if (j == i) continue;
            Player both = ps[i];
            join(both, ps[j]);
            if (v.separable(both.changes)) partner = j;
        }
        if (partner == ps.size()) {  // no one partner: every player that is not separable, together
            for (std::size_t j = ps.size(); j-- > 0;)
                if (j != i && !v.separable(ps[j].changes)) {
                    join(ps[i], ps[j]);
                    ps.erase(ps.begin() + static_cast<std::ptrdiff_t>(j));
                    if (j < i) --i;
                }
            if (!v.separable(ps[i].changes)) {  // still not: every change, one player
                for (std::size_t j = ps.size(); j-- > 0;)
                    if (j != i) join(ps[i], ps[j]);
                Player all = ps[i];
                ps = {all};
                i = 0;
            }
        } else {
            join(ps[i], ps[partner]);
            ps.erase(ps.begin() + static_cast<std::ptrdiff_t>(partner));
        }
        Player& p = ps[std::min(i, ps.size() - 1)];
        p.grouped = alone + " cannot be applied without the rest of " + p.name +
                    ": the old version with it alone, or the new one without it, does not check";
        i = 0;  // the players changed: look again from the first
    }
}

// Each declaration section's changes, one player.
void group_by_section(const std::vector<Change>& changes, Players& out) {
    std::vector<Player> sections;
    for (const auto& p : out.players)
        for (std::size_t c : p.changes) {
            const std::string name = "section " + changes[c].section;
            auto it = std::find_if(sections.begin(), sections.end(), [&](const Player& s) { return s.name == name; });
            if (it == sections.end()) it = sections.insert(sections.end(), Player{name, {}, ""});
            it->changes.push_back(c);
        }
    out.players = std::move(sections);
    out.method = PlayerMethod::by_section;
}

std::size_t change_named(const std::vector<Change>& changes, const ChangeGroup& g, const std::string& name) {
    std::string names;
    for (std::size_t c = 0; c < changes.size(); ++c) {
        if (changes[c].name == name) return c;
        names += (names.empty() ? "" : "; ") + changes[c].name;
    }
    throw RequestError("--group " + g.name + ": no change is named '" + name + "'; the changes are: " + (names.empty() ? "(none)" : names));
}

}  // namespace

Players choose_players(const CoalitionPrograms& v, const std::vector<ChangeGroup>& groups, std::size_t limit) {
    const auto& changes = v.changes();
    Players out;
    std::vector<bool> placed(changes.size(), false);
    for (std::size_t c = 0; c < changes.size(); ++c)
        if (change_identity(changes[c]).empty()) {
            out.unattributed.push_back(changes[c].name);
            placed[c] = true;
        }
    for (const auto& g : groups) {
        out.method = PlayerMethod::given_groups;
        Player p{g.name, {}, ""};
        for (const auto& name : g.changes) {
            const std::size_t c = change_named(changes, g, name);
            if (placed[c]) throw RequestError("--group " + g.name + ": '" + name + "' is in another group, or moves no figure (the header, the report)");
            placed[c] = true;
            p.changes.push_back(c);
        }
        out.players.push_back(std::move(p));
    }
    std::map<std::string, std::size_t> by_decl;  // the changes of one declaration (a rule by a new enumeration) are one player
    for (std::size_t c = 0; c < changes.size(); ++c) {
        if (placed[c]) continue;
        auto [it, fresh] = by_decl.emplace(change_identity(changes[c]), out.players.size());
        if (fresh) out.players.push_back(Player{changes[c].name, {c}, ""});
        else join(out.players[it->second], Player{changes[c].name, {c}, ""});
    }
    if (out.players.size() > limit && groups.empty()) group_by_section(changes, out);
    merge_inseparable(v, out);
    if (out.players.size() > limit)
        throw RequestError(std::to_string(out.players.size()) + " groups of changes to attribute, more than --limit attribution=" +
                           std::to_string(limit) + " (each group doubles the evaluations): group them with --group NAME=CHANGE,CHANGE, "
                           "or raise the limit");
    return out;
}

}  // namespace reckon
