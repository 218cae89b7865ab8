// `reckon merge`'s checks, made before anything is written: the partials are of one run (this ruleset, these
// settings, one split, each shard once), each as its shard wrote it, and each true to itself and to the case
// files: every count within the run, every running total of the end line the fold of the case lines it
// carries, each case's content the case file's where the file is at hand, and (--verify) the cases drawn
// evaluated again from their files to the same figures. docs/scale.md says what each check catches.
#pragma once

#include "commands/batch/batch.hpp"
#include "commands/batch/partial.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace reckon {

struct MergeChecks {
    std::size_t verify = 0;  // --verify N: cases drawn at random and evaluated again from their files
    bool verify_all = false; // --verify all
    std::uint64_t seed = 1;  // --seed: which cases are drawn
};

// "K/N"
std::string shard_name(unsigned k, unsigned n);

// The partials, checked against this run (`expected`: its cases field unused) and each other, by shard (shard K
// at index K-1). Throws std::runtime_error naming the partial at fault: another ruleset or other settings,
// shards of another run, a shard given twice, a shard missing, a file cut short or changed.
std::vector<std::unique_ptr<PartialReader>> open_shards(const PartialHeader& expected, const std::vector<std::string>& paths);

// Reads every partial through and throws PartialFileError ("FILE:LINE: error: what"), naming the case and the
// figure, at the first thing that is not as one run over these cases gives it.
void check_partials(const Program& p, const std::vector<Value>& params, const PartialHeader& expected,
                    const std::vector<std::string>& partials, const BatchOptions& o, const MergeChecks& checks);

// The positions drawn for --verify: `n` of `cases`, at random from `seed`, in order (all when n >= cases).
std::vector<std::size_t> verify_draw(std::size_t cases, std::size_t n, std::uint64_t seed);

}  // namespace reckon
