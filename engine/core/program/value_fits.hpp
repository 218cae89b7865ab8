// A value read from outside the run checked against the type it should have.
#pragma once

#include "core/program/types.hpp"

namespace reckon {

// Whether v is a value of type t, read from outside the run (a shard's partial result): the kind the type holds, a
// member that its enumeration has, a list's, a record's and a figure by member's values each of theirs; none
// (not defined) fits any type.
bool value_fits(const Value& v, const Type& t);

}  // namespace reckon
