#!/bin/sh
# Regenerates the RFC 8785 (JCS) test vectors for CanonicalJsonTests.
#
#   inputs/openstack/**   copies of every JSON object or array under shared/fixtures/openstack
#                         (shared/ sits beside the repository)
#                         (API and notification samples; see inputs/openstack/SOURCES.md)
#   inputs/edge/*.json    hand-written edge cases (numbers, escapes, key order); kept, not generated
#   expected/**           the canonical form of each input, written by jcs.js (Node.js)
#   hashes.txt            xxh3-64 of each expected file, from /usr/bin/python3's xxhash module
#
# Needs node, /usr/bin/python3 and python3-xxhash (apt-get install -y nodejs python3-xxhash).
# Usage: tests/Synchronizer.Core.Tests/Canonicalization/Vectors/make-jcs-vectors.sh [FIXTURES_DIR]
set -eu
cd "$(dirname "$0")"
repo=$(cd ../../../.. && pwd)
fixtures=${1:-$repo/../shared/fixtures/openstack}

rm -rf inputs/openstack expected
mkdir -p inputs/openstack expected
cp "$fixtures/SOURCES.md" inputs/openstack/

# Copy the fixtures that are a JSON object or array and that JSON.parse reads the way RFC 8785 means:
# no duplicate keys, no lone surrogates (Python's json module reports both; JSON.parse hides them).
(cd "$fixtures" && find . -name '*.json' | sort) | while read -r path; do
  if /usr/bin/python3 - "$fixtures/$path" <<'PY'
import json, sys

def no_duplicates(pairs):
    keys = [key for key, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("duplicate key")
    return dict(pairs)

try:
    with open(sys.argv[1], encoding="utf-8") as f:
        value = json.load(f, object_pairs_hook=no_duplicates)
    json.dumps(value, ensure_ascii=False).encode("utf-8")  # fails on lone surrogates
except (ValueError, UnicodeError):
    sys.exit(1)
sys.exit(0 if isinstance(value, (dict, list)) else 1)
PY
  then
    mkdir -p "inputs/openstack/$(dirname "$path")"
    cp "$fixtures/$path" "inputs/openstack/$path"
  else
    echo "skipped (not a JSON object or array): $path" >&2
  fi
done

(cd inputs && find . -name '*.json' | sort) | while read -r path; do
  mkdir -p "expected/$(dirname "$path")"
  node jcs.js "inputs/$path" > "expected/$path"
done

/usr/bin/python3 - > hashes.txt <<'PY'
import os
import xxhash

print("# xxh3-64 of the canonical form of each input: <path under expected/> <hash>.")
print("# Command: tests/Synchronizer.Core.Tests/Canonicalization/Vectors/make-jcs-vectors.sh")
print("# Values: /usr/bin/python3 xxhash.xxh3_64_hexdigest (module %s, libxxhash %s) of expected/<path>."
      % (xxhash.VERSION, xxhash.XXHASH_VERSION))
paths = []
for root, _, files in os.walk("expected"):
    paths += [os.path.relpath(os.path.join(root, name), "expected") for name in files]
for path in sorted(paths):
    with open(os.path.join("expected", path), "rb") as f:
        print("%s xxh3-64:%s" % (path, xxhash.xxh3_64_hexdigest(f.read())))
PY
echo "wrote $(find expected -name '*.json' | wc -l) canonical vectors and hashes.txt under $(pwd)"
