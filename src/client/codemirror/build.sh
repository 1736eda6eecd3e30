#!/bin/sh
# Rebuilds src/Steppe.Web/wwwroot/lib/codemirror/ from the pinned packages of package.json (package-lock.json):
#   cd src/client/codemirror && npm ci && sh build.sh
# The bundle and the licences of every package in it are committed, so running Steppe needs no Node.js.
set -eu
out=../../Steppe.Web/wwwroot/lib/codemirror
mkdir -p "$out"
node build.mjs "$out/codemirror.js"
node licences.mjs meta.json > "$out/LICENSES.txt"
rm meta.json
