#!/usr/bin/env python3
"""A lower bound on the SLA violations of any autoscaler that cannot foresee random bursts, on a sparse-bursts trace.

Usage: python3 scripts/sparse-floor.py TRACE.csv REPLICA_HOURS [--days 6] [--peak-replicas 20] [--target 0.6]
         [--per-replica 20] [--reaction 80] [--slo 1]
  TRACE.csv: pipeline synth-trace --shape sparse-bursts --days 8 --seed 42 --out TRACE.csv (as scripts/frontier-all.sh)
  REPLICA_HOURS: the cost the bound is for (e.g. a policy's replica-hours in docs/frontier/sparse-bursts/frontier.json)

The shape (simulator/Traces/Shapes/ShapeRows.cs): a job at half the peak in the first two minutes of every hour, plus
random bursts of 1-4 minutes at 30-100% of the peak whose gaps are exponential (memoryless). A policy that cannot see a
burst coming serves its first `reaction` seconds (a 15 s window, the 5 s grace and the 60 s start-up: nothing requested
after the onset is ready sooner) with the c replicas standing at the onset. Generously, a request of those seconds is
in time if the burst's rate L fits their capacity (L <= c x per-replica, at full utilization), and otherwise only
while the queue it finds drains within the SLO (arrivals up to slo x c·mu / (L - c·mu) seconds after the onset).
Onsets are Poisson, so by PASTA the replicas they find are on average the policy's time average over the scored span,
at most REPLICA_HOURS / scored hours; the most any choice of standing replicas with that mean can serve in time is the
concave envelope of served(c) at that mean. The rest of the requests of the bursts' first `reaction` seconds
violate. The evaluation's defaults: the first `days` of the trace, the first quarter warm-up, the trace scaled so its
peak minute needs `peak-replicas` replicas at `target` utilization, `per-replica` req/s at full utilization
(4 workers / 200 ms). Minutes are taken as uniform within.
"""
import argparse, csv, statistics

a = argparse.ArgumentParser()
a.add_argument("trace"); a.add_argument("replica_hours", type=float)
a.add_argument("--days", type=float, default=6); a.add_argument("--peak-replicas", type=float, default=20)
a.add_argument("--target", type=float, default=0.6); a.add_argument("--per-replica", type=float, default=20)
a.add_argument("--reaction", type=float, default=80); a.add_argument("--slo", type=float, default=1.0)
o = a.parse_args()

rows = [float(r["requests"]) for r in csv.DictReader(open(o.trace))]
span = int(o.days * 1440)
rows = rows[:span]
scale = o.peak_replicas * o.target * o.per_replica / (max(rows) / 60)  # req/s of the evaluation per trace req/min / 60
start = span // 4
job = [m % 60 < 2 for m in range(span)]
peak = 2 * statistics.median(rows[m] for m in range(span) if job[m] and rows[m] > 0)  # the job runs at half the peak
# A random burst adds at least 0.3 peak: a job minute above 0.65 peak holds one too.
burst = [rows[m] > 0 if not job[m] else rows[m] > 0.65 * peak for m in range(span)]

total = sum(rows[start:span]) * scale * 60 / 60  # requests (rows are per minute)
hours = (span - start) / 60
standing = o.replica_hours / hours
onsets, first, heads = 0, 0.0, []
for m in range(max(start, 1), span):
    if burst[m] and not burst[m - 1] and not job[m]:
        onsets += 1
        head = rows[m] + (rows[m + 1] * (o.reaction - 60) / 60 if m + 1 < span and burst[m + 1] and o.reaction > 60 else 0)
        first += head * scale
        heads.append((rows[m] * scale / 60, head * scale))
def served_at(c):
    capacity = c * o.per_replica
    total_in_time = 0.0
    for rate, head in heads:
        if rate <= capacity: total_in_time += head
        else: total_in_time += rate * min(o.reaction, o.slo * capacity / (rate - capacity))
    return total_in_time

grid = [i * 0.05 for i in range(0, int(o.peak_replicas * 2 / 0.05) + 1)]
values = [served_at(c) for c in grid]
best = max(values[i] + (values[j] - values[i]) * (standing - grid[i]) / (grid[j] - grid[i]) if grid[j] > grid[i] else values[i]
           for i in range(len(grid)) if grid[i] <= standing for j in range(len(grid)) if grid[j] >= standing)
served = best
floor = max(0.0, first - served) / total
print(f"scored: {hours:.1f} h, {total:,.0f} requests; random-burst onsets (outside job minutes): {onsets}")
print(f"requests in the bursts' first {o.reaction:.0f} s: {first:,.0f} ({first / total:.1%} of the scored requests)")
print(f"at {o.replica_hours:.1f} replica-hours: {standing:.2f} replicas on average; at most {served:,.0f} of them served in time")
for c in (1, 2, 3, 4, 6, 8):
    print(f"  standing {c} replicas at every onset: {served_at(c):,.0f} in time")
print(f"violations of any policy without foresight of the random bursts at this cost: at least {floor:.1%}")
