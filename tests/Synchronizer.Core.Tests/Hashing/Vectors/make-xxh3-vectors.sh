#!/bin/sh
# Regenerates xxh3-vectors.txt: XXH3-64 (seed 0) reference values for Xxh3Tests.
#
# Needs the Debian packages python3-xxhash and xxhash (apt-get install -y python3-xxhash xxhash).
# Every value comes from the reference C library through /usr/bin/python3's xxhash module and is
# cross-checked against the `xxhsum -H3` command line tool; the script fails on any disagreement.
#
# Usage: tests/Synchronizer.Core.Tests/Hashing/Vectors/make-xxh3-vectors.sh
set -eu
cd "$(dirname "$0")"

/usr/bin/python3 - > xxh3-vectors.txt.tmp <<'PY'
import subprocess
import xxhash

TEXT = b"The quick brown fox jumps over the lazy dog; {\"id\": \"9168b536\", \"status\": \"ACTIVE\"}\n"

GENERATORS = {
    "seq": lambda n: bytes((i * 31 + 7) & 0xFF for i in range(n)),
    "zero": lambda n: bytes(n),
    "text": lambda n: (TEXT * (n // len(TEXT) + 1))[:n],
}

# One length at each edge of every XXH3 length class: 0, 1-3, 4-8, 9-16, 17-128, 129-240,
# then > 240 across stripes (64 bytes), blocks (1024 bytes) and the overlapping last stripe.
LENGTHS = [0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 96, 97, 100, 127, 128,
           129, 160, 200, 239, 240, 241, 255, 256, 511, 512, 1023, 1024, 1025, 2048, 4095, 4096,
           10000, 100000, 1048576, 1000003]


def xxhsum(data):
    out = subprocess.run(["xxhsum", "-H3", "-"], input=data, capture_output=True, check=True).stdout
    return out.decode().split()[-1]


print("# XXH3-64 (seed 0) reference vectors: <generator> <length> <16 hex digits>.")
print("# Command: tests/Synchronizer.Core.Tests/Hashing/Vectors/make-xxh3-vectors.sh")
print("# Values: /usr/bin/python3 xxhash.xxh3_64_hexdigest (module %s, libxxhash %s), each checked with xxhsum -H3."
      % (xxhash.VERSION, xxhash.XXHASH_VERSION))
print("# Generators: seq = byte i is (i*31+7) & 0xFF; zero = all zero bytes; text = the ASCII line")
print("#   %r repeated and cut to length." % TEXT.decode())
for name, generate in GENERATORS.items():
    for length in LENGTHS:
        data = generate(length)
        expected = xxhash.xxh3_64_hexdigest(data)
        cli = xxhsum(data)
        if cli != expected:
            raise SystemExit("xxhsum disagrees for %s %d: %s != %s" % (name, length, cli, expected))
        print("%s %d %s" % (name, length, expected))
PY
mv xxh3-vectors.txt.tmp xxh3-vectors.txt
echo "wrote $(grep -vc '^#' xxh3-vectors.txt) vectors to $(pwd)/xxh3-vectors.txt"
