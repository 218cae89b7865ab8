// The schema of a case's keys, made from the inputs' paths.
#include "core/program/case.hpp"

namespace reckon {

std::shared_ptr<const CaseKeys> make_case_keys(const std::vector<InputDef>& inputs) {
    auto keys = std::make_shared<CaseKeys>();
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        SchemaNode* at = &keys->root;
        for (const auto& s : inputs[i].segments) at = &at->children[s];
        at->input = static_cast<int>(i);
    }
    return keys;
}

}  // namespace reckon
