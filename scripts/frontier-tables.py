#!/usr/bin/env python3
"""Prints the Markdown tables of docs/frontier.md from docs/frontier/<name>/frontier.json (scripts/frontier-all.sh writes them).

Usage: python3 scripts/frontier-tables.py [name ...]   (default: every folder in docs/frontier)
tests/Pipeline.Docs.Tests checks the tables in docs/frontier.md against the same files."""
import json, os, sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs", "frontier")
order = ["hpa", "predictive", "threshold", "oracle", "sla-per-replica", "sla-oracle", "sla-reactive"]

def ratio(v, below):
    if v is None:
        return below
    return f"{v:.2f}×"

def table(name):
    d = json.load(open(os.path.join(root, name, "frontier.json")))
    comp = {(c["policy"], c["setting"]): c for c in d["comparisons"]}
    runs = sorted(d["runs"], key=lambda r: (order.index(r["policy"]) if r["policy"] in order else 99, r["setting"]))
    print(f"Source: [frontier/{name}/frontier.json](frontier/{name}/frontier.json), floor {d['floor'] * 100:.3f}%")
    print()
    print("| policy | setting | replica-h | violations | above floor | cost ratio at equal violations | violation ratio at equal cost | dominated |")
    print("|---|---|---:|---:|---:|---:|---:|---|")
    for r in runs:
        c = comp.get((r["policy"], r["setting"]))
        above = max(0.0, r["slaViolationRate"] - d["floor"]) * 100
        cells = [r["policy"], r["setting"], f"{r['replicaHours']:.1f}", f"{r['slaViolationRate'] * 100:.3f}%", f"{above:.3f}%"]
        if c is None:
            cells += ["", "", ""]
        else:
            cells += [ratio(c["costRatioAtEqualViolations"], "n/a"), ratio(c["violationRatioAtEqualCost"], "n/a"), "yes" if c["dominated"] else "no"]
        print("| " + " | ".join(cells) + " |")
    print()

def summary(names):
    print("| workload | predictive replica-h | violations | cost ratio at equal violations | violation ratio at equal cost | dominated | sla-oracle replica-h | predictive / sla-oracle |")
    print("|---|---:|---:|---:|---:|---|---:|---:|")
    for name in names:
        d = json.load(open(os.path.join(root, name, "frontier.json")))
        p = next(r for r in d["runs"] if r["policy"] == "predictive" and r["setting"] == "default")
        c = next(c for c in d["comparisons"] if c["policy"] == "predictive" and c["setting"] == "default")
        o = next(r for r in d["runs"] if r["policy"] == "sla-oracle")
        meets = p["slaViolationRate"] <= 0.001
        print(f"| {name} | {p['replicaHours']:.1f} | {p['slaViolationRate'] * 100:.3f}% | {ratio(c['costRatioAtEqualViolations'], 'n/a')} | "
              f"{ratio(c['violationRatioAtEqualCost'], 'n/a')} | {'yes' if c['dominated'] else 'no'} | {o['replicaHours']:.1f} | "
              f"{p['replicaHours'] / o['replicaHours']:.2f}×{'' if meets else ' (SLA not met)'} |")
    print()

args = [a for a in sys.argv[1:] if a != "--summary"]
names = args or sorted(n for n in os.listdir(root) if os.path.isfile(os.path.join(root, n, "frontier.json")))
if "--summary" in sys.argv:
    summary(names)
    sys.exit(0)
for n in names:
    print(f"#### {n}")
    print()
    table(n)
