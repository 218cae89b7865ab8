// Evaluation alone: the cases are read once, then every case is evaluated
// ROUNDS times over (as a loop over parameter scenarios does), on one thread;
// prints the evaluations per second. Reading is not timed. The rules run as batch runs them: compiled for the run
// (engine/core/eval/compiled_*.cpp); with --tree, by the tree-walking evaluator, with the same run constants folded.
// By default the rounds go over the whole list in turn, so that a case's data has left the cache by its next
// evaluation when the list is long; with --in-turn each case is evaluated ROUNDS times before the next, its data
// in the cache as a batch has it just after reading the case.
//
//   bench_eval RULESET CASES ROUNDS [--tree] [--in-turn]      (CASES: a folder, a file or a stream file)
#include "commands/batch/batch.hpp"
#include "data/load_case.hpp"
#include "data/read_case_stream.hpp"
#include "core/compile/compile.hpp"
#include "core/eval/eval.hpp"
#include "core/eval/fold_constants.hpp"
#include "commands/present/present.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
    bool tree = false, in_turn = false, known = argc >= 4;
    for (int i = 4; i < argc; ++i) {
        const std::string option = argv[i];
        tree = tree || option == "--tree";
        in_turn = in_turn || option == "--in-turn";
        known = known && (option == "--tree" || option == "--in-turn");
    }
    if (!known) {
        std::cerr << "usage: bench_eval RULESET CASES ROUNDS [--tree] [--in-turn]\n";
        return 2;
    }
    try {
        auto p = reckon::compile(argv[1]);
        std::vector<reckon::Value> params = reckon::bind_params(*p);
        std::vector<reckon::Case> cases;
        for (const auto& f : reckon::find_case_files({argv[2]})) {
            reckon::CaseReader r(f, p->limits.file_size);
            while (auto d = r.next()) {
                if (!d->source) throw std::runtime_error(d->error);
                cases.push_back(reckon::load_case(*p, d->source));
            }
        }
        const long rounds = std::atol(argv[3]);
        reckon::RunConstants constants = reckon::run_constants(*p, params);  // as batch folds them, once a run
        if (tree) constants.code = nullptr;
        std::size_t figures = 0;
        std::optional<reckon::Evaluator> kept;  // as a batch's worker keeps it from case to case
        auto start = std::chrono::steady_clock::now();
        const auto evaluate = [&](const reckon::Case& c) {
            figures += reckon::evaluate_outputs(kept, *p, params, c, nullptr, &constants).outputs.size();
        };
        if (in_turn) {
            for (const auto& c : cases)
                for (long k = 0; k < rounds; ++k) evaluate(c);
        } else {
            for (long k = 0; k < rounds; ++k)
                for (const auto& c : cases) evaluate(c);
        }
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        double evaluations = static_cast<double>(cases.size()) * static_cast<double>(rounds);
        std::printf("%zu cases x %ld rounds = %.0f evaluations (%zu figures) in %.3f s: %.0f evaluations per second\n",
                    cases.size(), rounds, evaluations, figures, seconds, evaluations / seconds);
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}
