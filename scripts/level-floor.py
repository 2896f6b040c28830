#!/usr/bin/env python3
"""How close to the SLA oracle a policy can get that knows the load's level but not each minute's burst (issue 12).

Usage: python3 scripts/level-floor.py TRACE.csv SLA_ORACLE_HOURS [--start 0] [--days 7] [--window 15]
         [--level trailing|centered] [--groups 10] [--peak-replicas 20] [--target 0.6] [--per-replica 20] [--slo 1]
         [--sla 0.999] [--floor 0.00014]
  TRACE.csv: a per-minute trace (e.g. ../shared/traces/nasa_jul95/nasa_jul95.csv)
  SLA_ORACLE_HOURS: the sla-oracle's replica-hours on the same span (docs/frontier/NAME/frontier.json)

The SLA oracle knows every minute's rate before it comes. A policy that does not must hold, in each minute, replicas
for the minute's rate it cannot foresee. This script sizes the most generous such policies and reports their cost as a
multiple of the SLA oracle's:
- the policy knows a level L per minute: the mean of `window` minutes, either ending two minutes before the minute
  ('trailing': about what a policy knows when replicas it orders now are ready, 15 s window + 5 s grace + 60 s
  start-up), or centred on it ('centered': knowledge no policy has, 7 minutes of the future and the minute itself, at
  1/15 weight, included);
- it holds k x L / per-replica replicas, with k chosen per level group in hindsight (minutes split into `groups` equal
  groups by L; the best k in 1..6 in steps of 0.01 for each group under one violation budget, by Lagrangian
  relaxation); finer groups loosen the bound, as hindsight then picks the groups that held bursts;
- generously, replicas are fractional, ready at once, and serve at full utilization (the queueing model's SLA
  utilization, ~0.73, is ignored); a minute whose rate r exceeds the capacity cap violates only the requests that
  arrive after the queue exceeds the SLO (from slo x cap / (r - cap) s on; uniform within the minute, no carry-over);
- the violation budget is the SLA's (1 - sla) less the floor, the service time's own tail (the oracle's violations).
The same generous model with each minute's rate known and no violation at all needs sum(r) / per-replica; the ratio
to it is what not knowing the minute costs, apart from the generosities. The reported cost is the Lagrangian's lower
end (its minimiser just over the budget: no choice within the budget costs less), a lower bound for the family. It is
not a bound for every policy: one that reads other signals could do better. It shows what the per-minute noise alone
costs a policy that knows the level, even one that knows it from the future.
"""
import argparse, csv, math

a = argparse.ArgumentParser()
a.add_argument("trace"); a.add_argument("sla_oracle_hours", type=float)
a.add_argument("--start", type=float, default=0); a.add_argument("--days", type=float, default=7)
a.add_argument("--window", type=int, default=15); a.add_argument("--level", choices=["trailing", "centered"], default="trailing")
a.add_argument("--groups", type=int, default=10)
a.add_argument("--peak-replicas", type=float, default=20); a.add_argument("--target", type=float, default=0.6)
a.add_argument("--per-replica", type=float, default=20); a.add_argument("--slo", type=float, default=1.0)
a.add_argument("--sla", type=float, default=0.999); a.add_argument("--floor", type=float, default=0.00014)
o = a.parse_args()

rows = [float(r["requests"]) for r in csv.DictReader(open(o.trace))]
first, span = int(o.start * 1440), int(o.days * 1440)
rows = rows[first:first + span]
if len(rows) < span: raise SystemExit(f"{o.trace}: {len(rows)} minutes from day {o.start:g}, {span} needed")
scale = o.peak_replicas * o.target * o.per_replica / (max(rows) / 60)  # as evaluate --peak-replicas
rate = [x * scale / 60 for x in rows]
warm = span // 4
total = sum(rate[warm:])

def level(m):
    lo = m - o.window - 1 if o.level == "trailing" else m - (o.window - 1) // 2
    hi = lo + o.window
    part = rate[max(0, lo):max(1, min(span, hi))]
    return sum(part) / len(part)

def violated(r, cap):
    if r <= cap: return 0.0
    in_time = o.slo * cap / (r - cap) if cap > 0 else 0.0
    return r * max(0.0, 1 - in_time / 60)

L = [level(m) for m in range(span)]
order = sorted(range(warm, span), key=lambda m: L[m])
groups = [order[i * len(order) // o.groups:(i + 1) * len(order) // o.groups] for i in range(o.groups)]
ks = [1 + 0.01 * i for i in range(501)]
table = [[(sum(k * L[m] for m in g) / o.per_replica / 60, sum(violated(rate[m], k * L[m]) for m in g) / total) for k in ks]
         for g in groups]
budget = (1 - o.sla) - o.floor

def relaxed(lam):
    picks = [min(row, key=lambda cv: cv[0] + lam * cv[1]) for row in table]
    return sum(c for c, _ in picks), sum(v for _, v in picks)

lo, hi = 1e-3, 1e12
for _ in range(200):
    mid = math.sqrt(lo * hi)
    lo, hi = (mid, hi) if relaxed(mid)[1] > budget else (lo, mid)
cost, viol = relaxed(lo)
feasible_cost, feasible_viol = relaxed(hi)
foresight = sum(rate[warm:]) / o.per_replica / 60  # each minute's rate known, full utilization, no violation
print(f"{o.trace}: days {o.start:g}-{o.start + o.days:g}, scored {(span - warm) / 60:.1f} h; level: {o.level} mean of "
      f"{o.window} min, {o.groups} groups; violation budget {budget:.4%}")
if feasible_viol > budget:
    print(f"no k up to {ks[-1]:g} meets the SLA: {feasible_cost:.1f} replica-hours at {feasible_viol:.4%} violations "
          f"({feasible_cost / o.sla_oracle_hours:.2f}x the SLA oracle's {o.sla_oracle_hours:.1f} h)")
    raise SystemExit(0)
print(f"at least {cost:.1f} replica-hours ({viol:.4%} violations; {feasible_cost:.1f} h at {feasible_viol:.4%}): "
      f"{cost / o.sla_oracle_hours:.2f}x the SLA oracle's {o.sla_oracle_hours:.1f} h")
print(f"  knowing each minute's rate instead, this model needs {foresight:.1f} h: the level alone costs at least "
      f"{cost / foresight:.2f}x that")
