"""Merges coverlet's Cobertura files and checks line coverage per assembly against floors.

Usage: coverage_report.py FLOORS_FILE RESULTS_DIR. A line counts as covered when any test
project covered it. Exits 1 when an assembly is below its floor.
"""
import glob
import os
import sys
import xml.etree.ElementTree as ET

floors = {}
for raw in open(sys.argv[1], encoding="utf-8"):
    line = raw.split("#", 1)[0].split()
    if len(line) == 2:
        floors[line[0]] = float(line[1])

covered = {}
for report in glob.glob(f"{sys.argv[2]}/**/coverage.cobertura.xml", recursive=True):
    root = ET.parse(report).getroot()
    # coverlet names files relative to the common root of what one test project instrumented
    # (its <source>), which differs between test projects: key lines by the absolute path.
    sources = [s.text or "" for s in root.iter("source")]
    base = sources[0] if len(sources) == 1 else ""
    for package in root.iter("package"):
        lines = covered.setdefault(package.get("name"), {})
        for cls in package.iter("class"):
            for ln in cls.iter("line"):
                key = (os.path.join(base, cls.get("filename")), ln.get("number"))
                lines[key] = lines.get(key, False) or int(ln.get("hits")) > 0

failed = False
print(f"{'assembly':<36} {'lines':>7} {'covered':>8} {'floor':>6}")
for name in sorted(covered):
    lines = covered[name]
    percent = 100.0 * sum(lines.values()) / max(1, len(lines))
    floor = floors.get(name)
    mark = "" if floor is None or percent >= floor else "  BELOW FLOOR"
    failed |= bool(mark)
    print(f"{name:<36} {len(lines):>7} {percent:>7.1f}% {'' if floor is None else f'{floor:>5.0f}%'}{mark}")
sys.exit(1 if failed else 0)
