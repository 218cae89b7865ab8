#!/bin/sh
# docs/layers.dot is what tools/house --dot draws from the code today, and docs/layers.svg is that graph rendered
# by Graphviz (tools/layers writes both): the architecture page's picture cannot drift from the includes.
#   sh tests/house/check_layers_graph.sh SOURCE_DIR
set -eu
root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$root/tools/house" --root "$root" --dot > "$tmp/layers.dot"
if ! cmp -s "$tmp/layers.dot" "$root/docs/layers.dot"; then
  echo "FAIL: docs/layers.dot is not the code's graph (run tools/layers):"; diff "$root/docs/layers.dot" "$tmp/layers.dot" || true; exit 1
fi
dot -Tsvg "$tmp/layers.dot" > "$tmp/layers.svg"
if ! cmp -s "$tmp/layers.svg" "$root/docs/layers.svg"; then
  echo "FAIL: docs/layers.svg is not docs/layers.dot rendered (run tools/layers)"; exit 1
fi
echo "check_layers_graph: docs/layers.dot and docs/layers.svg are the code's"
