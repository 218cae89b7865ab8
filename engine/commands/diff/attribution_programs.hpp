// The programs of `reckon diff --attribute`: the changes between two versions as players (each change, or groups
// of them), and for any coalition of players the old version with their declarations taken from the new one, a
// typed program checked as one (compile_declarations), never source text written and parsed again.
#pragma once

#include "commands/diff/diff.hpp"
#include "commands/diff/diff_runs.hpp"
#include "core/program/settings.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace reckon {

// How the changes were made players: each its own; the groups of --group (the others each its own); or, with
// more changes than --limit attribution, one player per declaration section.
enum class PlayerMethod { each_change, given_groups, by_section };
const char* player_method_text(PlayerMethod m);

struct Player {
    std::string name;                  // the change's name ("param working_hours"), the group's, or the section's
    std::vector<std::size_t> changes;  // indices into the list of changes
    std::string grouped;               // grouped automatically: why; else ""
};

struct Players {
    std::vector<Player> players;
    PlayerMethod method = PlayerMethod::each_change;
    std::vector<std::string> unattributed;  // changes that no figure depends on by their kind: the header, the report
};

// --group NAME=CHANGE,CHANGE: the changes (named as the diff names them) made one player. Throws RequestError.
struct ChangeGroup {
    std::string name;
    std::vector<std::string> changes;
};
ChangeGroup parse_change_group(const std::string& setting);

// The two versions and the two runs' settings: what each coalition's program is made from. The versions, the
// changes (the methodology's, then the runs': compare_runs) and the runs must outlive it.
class CoalitionPrograms {
public:
    CoalitionPrograms(const Program& old_p, const Program& new_p, const std::vector<Change>& changes, const DiffRun& old_run,
                      const DiffRun& new_run);
    const Program& old_version() const { return old_; }
    const Program& new_version() const { return new_; }
    const std::vector<Change>& changes() const { return changes_; }
    // The old version with the declarations of these changes (indices) taken from the new one, and the old run's
    // settings with theirs taken from the new run's. Throws CompileError
    // when it does not check (a rule that uses a param only the new version declares, without that param).
    std::shared_ptr<const Program> with(const std::vector<std::size_t>& applied) const;
    // …of the players in `mask` (bit i for player i).
    std::shared_ptr<const Program> with(const Players& players, std::uint64_t mask) const;
    // The changes of the players in `mask`.
    static std::vector<std::size_t> applied(const Players& players, std::uint64_t mask);
    // Whether the old version with `applied`, and the new one without them, both check.
    bool separable(const std::vector<std::size_t>& applied) const;

private:
    const Program& old_;
    const Program& new_;
    const std::vector<Change>& changes_;
    const DiffRun& old_run_;
    const DiffRun& new_run_;
};

// The players: each change (or --group's groups); more than `limit` of them, one per declaration section. Changes
// that cannot be applied without each other are made one player, saying why. Throws RequestError when --group
// names no change, or when, grouped, there are still more than `limit` players.
Players choose_players(const CoalitionPrograms& versions, const std::vector<ChangeGroup>& groups, std::size_t limit);

// A coalition to evaluate the cases under: its program, and what a message calls it ("the old version with …").
struct Coalition {
    std::shared_ptr<const Program> program;
    std::string name;
};
// The cases of the diff evaluated under each of several coalitions' programs, which read a case alike (no change of
// an input, a type or a unit among theirs), each case read once for all of them as batch reads it for scenarios: a
// result for each, in order. The cases are the old run's with the changes of the cases among `applied` (files_with),
// the same for all of them.
using CaseRunner = std::function<std::vector<BatchResults>(const std::vector<Coalition>& coalitions, const std::vector<std::size_t>& applied)>;

// Each figure of `effects` that moved by a number: its change split among the players (FigureChange::attribution,
// adding up exactly to its change) and each pair's interaction, the cases evaluated once under each coalition's
// program (not once per figure), the coalitions that read cases alike and run over the same ones `chunk` at a time
// in one pass over the cases. Throws RequestError when a coalition does not check.
void attribute_effects(const CoalitionPrograms& versions, const Players& players, const CaseRunner& run, CaseEffects& effects,
                       std::size_t chunk = 64);

}  // namespace reckon
