#!/usr/bin/env node
// Reference RFC 8785 (JCS) serializer for the canonicalization test vectors.
// Usage: node jcs.js INPUT.json > CANONICAL.json
//
// JSON.stringify already writes numbers as ECMAScript's Number::toString and strings with the
// minimal escapes RFC 8785 asks for; the only missing part is the key order, which JavaScript's
// default sort gives (it compares UTF-16 code units). Duplicate keys and lone surrogates are
// rejected by make-jcs-vectors.sh before this runs, because JSON.parse accepts both.
'use strict';
const fs = require('fs');

function canonicalize(value) {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new RangeError('number outside the IEEE 754 double range');
  }
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return '[' + value.map(canonicalize).join(',') + ']';
  }
  const members = Object.keys(value).sort()
    .map((key) => JSON.stringify(key) + ':' + canonicalize(value[key]));
  return '{' + members.join(',') + '}';
}

const text = fs.readFileSync(process.argv[2], 'utf8');
process.stdout.write(canonicalize(JSON.parse(text)));
