#!/bin/sh
# The house guard's own test: a small tree with one breach of each rule (and look-alikes that are no breach),
# guarded by tools/house, whose report must be exactly the expected one, with exit status 1; then the same tree
# mended, which must pass with exit status 0.
#   sh tests/house/check_house.sh TOOLS_HOUSE
set -eu
house=$1
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
mkdir -p "$tree/engine/core/base" "$tree/engine/core/syntax" "$tree/engine/core/check" "$tree/engine/data" \
         "$tree/engine/commands/a" "$tree/engine/commands/b" "$tree/grammar"

# file-size: 401 lines.
{ echo '// A file of 401 lines.'; i=1; while [ $i -le 400 ]; do echo "int v$i = $i;"; i=$((i + 1)); done; } > "$tree/engine/core/base/big.cpp"

# function-size: a function of 81 lines (a line for its head, 79 in its body (78 and a return), its closing brace); one of 80 is fine.
{ echo 'int long_one() {'; i=1; while [ $i -le 78 ]; do echo "    int a$i = $i;"; i=$((i + 1)); done; echo '    return 0;'; echo '}'
  echo 'int just_right() {'; i=1; while [ $i -le 78 ]; do echo "    int b$i = $i;"; i=$((i + 1)); done; echo '}'; } > "$tree/engine/core/base/long.cpp"

# enum-default: a default: in a switch over an enum class; not over an int, nor in a comment or a string.
cat > "$tree/engine/core/base/kinds.hpp" <<'CPP'
#pragma once
enum class Colour { red, green, blue };
enum Plain { one, two };
inline int shade(Colour c) {
    switch (c) {
        case Colour::red: return 1;
        default: return 0;
    }
}
inline int digit(char c) {
    switch (c) {
        case '0': return 0;
        default: return -1;  // over a char: fine
    }
}
inline int plain(Plain p) {
    switch (p) {
        case Plain::one: return 1;
        default: return 2;  // a plain enum: not an enum class
    }
}
inline const char* said() { return "switch (x) { case Colour::red: default: }"; }
// switch (c) { case Colour::red: default: }
inline int all(Colour c) {
    switch (c) {
        case Colour::red: return 1;
        case Colour::green: return 2;
        case Colour::blue: return 3;
    }
    return 0;
}
CPP

# layer-order: core includes data; syntax includes check (a later phase); data includes core (fine).
printf '#pragma once\n#include "core/base/kinds.hpp"\n' > "$tree/engine/data/reader.hpp"
printf '#include "data/reader.hpp"\n' > "$tree/engine/core/base/up.cpp"
printf '#pragma once\n' > "$tree/engine/core/check/checker.hpp"
printf '#include "core/check/checker.hpp"\n#include "core/base/kinds.hpp"\n' > "$tree/engine/core/syntax/early.cpp"
printf '#pragma once\n' > "$tree/grammar/grammar.hpp"

# include-cycle: a includes b, b's source includes a.
printf '#pragma once\n#include "commands/b/b.hpp"\n' > "$tree/engine/commands/a/a.hpp"
printf '#pragma once\n' > "$tree/engine/commands/b/b.hpp"
printf '#include "commands/b/b.hpp"\n#include "commands/a/a.hpp"\n' > "$tree/engine/commands/b/b.cpp"

expected="engine/commands/b/b.cpp:2: include-cycle: modules that include each other: engine/commands/a/a -> engine/commands/b/b -> engine/commands/a/a
engine/core/base/big.cpp:1: file-size: 401 lines, over 400: split it by idea
engine/core/base/kinds.hpp:7: enum-default: a default: in a switch over enum class Colour: name every member, so that a new one is flagged
engine/core/base/long.cpp:1: function-size: long_one is 81 lines, over 80: give its parts names of their own
engine/core/base/up.cpp:1: layer-order: includes engine/data/reader.hpp: data is above core (the order is grammar, core, data, commands, lsp, cli)
engine/core/syntax/early.cpp:1: layer-order: includes engine/core/check/checker.hpp: core's phase check comes after syntax (the order is base, syntax, program, check, eval, compile)
tools/house: 6 breaches in 11 files"

status=0
got=$("$house" --root "$tree") || status=$?
if [ "$got" != "$expected" ]; then
  echo "FAIL: tools/house reported"; echo "$got"; echo "--- expected"; echo "$expected"; exit 1
fi
[ "$status" -eq 1 ] || { echo "FAIL: exit status $status with breaches, expected 1"; exit 1; }

# Mended: each breach undone, the look-alikes kept.
rm "$tree/engine/core/base/big.cpp" "$tree/engine/core/base/up.cpp" "$tree/engine/commands/b/b.cpp"
sed -i '/int a78 = 78;/d' "$tree/engine/core/base/long.cpp"
sed -i 's/        default: return 0;/        case Colour::green: case Colour::blue: return 0;/' "$tree/engine/core/base/kinds.hpp"
printf '#include "core/base/kinds.hpp"\n' > "$tree/engine/core/syntax/early.cpp"
status=0
got=$("$house" --root "$tree") || status=$?
if [ "$got" != "tools/house: 0 breaches in 8 files" ] || [ "$status" -ne 0 ]; then
  echo "FAIL: the mended tree: exit status $status"; echo "$got"; exit 1
fi
echo "check_house: each of the 5 rules caught, the look-alikes passed, the mended tree clean"
