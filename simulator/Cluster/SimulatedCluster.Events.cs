using Pipeline.Contracts.Messages;

namespace Pipeline.Simulator.Cluster;

/// <summary>The event handlers of the simulation loop (hot path: no allocation per request).</summary>
public sealed partial class SimulatedCluster
{
    private void Arrive(SimService s)
    {
        var now = _now;
        s.Stats.Arrivals++;
        s.LifetimeArrivals++;
        ScheduleNextArrival(s, now);
        if (s.CandidateCount == 0)
        {
            s.Stats.Rejected++;
            return;
        }
        var r = s.CandidateAt(s.Balancer.Pick(s.Views, now));
        if (r.Fault == ReplicaFaultKind.FailFast)
        {
            r.IntervalArrivals++;
            Fail(s, r);
            return;
        }
        if (r.Busy < r.Workers)
        {
            r.IntervalArrivals++;
            StartService(s, r, now, now);
        }
        else if (r.Queued < r.QueueCapacity)
        {
            r.IntervalArrivals++;
            r.TryEnqueue(now);
        }
        else if (!s.TryHold(now))
        {
            r.IntervalArrivals++;
            Fail(s, r);
        }
    }

    private void StartService(SimService s, Replica r, double now, double arrival)
    {
        r.AccrueBusy(now);
        r.Busy++;
        _completions.Push(now + s.ServiceTime.Sample(_serviceRandom) * r.Slowdown / r.BaseSpeed, arrival, r.Id);
    }

    /// <summary>Gives requests held at the balancer to a replica with free workers.</summary>
    private void PullHeld(SimService s, Replica r)
    {
        while (s.HeldCount > 0 && r.Busy < r.Workers && r.State == ReplicaState.Ready && r.Fault != ReplicaFaultKind.FailFast)
        {
            r.IntervalArrivals++;
            StartService(s, r, _now, s.TakeHeld());
        }
    }

    private static void Fail(SimService s, Replica r)
    {
        r.IntervalCompleted++;
        r.IntervalErrors++;
        r.Completed++;
        r.Errors++;
        s.Stats.Failed++;
    }

    private void Complete(Replica r, double arrival)
    {
        if (r.State == ReplicaState.Gone) return; // lost with its replica, already counted as failed
        var now = _now;
        var s = r.Owner;
        r.AccrueBusy(now);
        r.Busy--;
        var latency = now - arrival;
        r.IntervalCompleted++;
        r.Completed++;
        var fine = LatencyHistogram.IndexOf(latency);
        r.IntervalLatency[CoarseLatencyIndex.OfFine(fine, latency)]++;
        r.IntervalLatencySumMs += latency * 1000;
        var stats = s.Stats;
        stats.Succeeded++;
        stats.Latency.RecordAt(fine, latency);
        if (latency > s.SloSeconds) stats.SlowRequests++;
        if (s.TracksLatencyEstimate) UpdatePeakEwma(r, latency, now);

        if (r.Queued > 0)
        {
            var next = r.Dequeue();
            r.Busy++;
            _completions.Push(now + s.ServiceTime.Sample(_serviceRandom) * r.Slowdown / r.BaseSpeed, next, r.Id);
        }
        else if (s.HeldCount > 0)
        {
            PullHeld(s, r);
        }
        else if (r.State == ReplicaState.Draining && r.Busy == 0)
        {
            Integrate();
            Remove(s, r);
        }
    }

    /// <summary>Peak-EWMA (Finagle/Linkerd): jump to a higher observation, else decay towards it with a 10 s time constant.</summary>
    private static void UpdatePeakEwma(Replica r, double latency, double now)
    {
        if (!r.EwmaMeasured || latency > r.EwmaCost)
        {
            r.EwmaCost = latency;
            r.EwmaMeasured = true;
        }
        else
        {
            var w = Math.Exp(-(now - r.EwmaStamp) / Balancing.PeakEwmaBalancer.DecaySeconds);
            r.EwmaCost = r.EwmaCost * w + latency * (1 - w);
        }
        r.EwmaStamp = now;
    }

    private void OnTimer()
    {
        if (_now >= _nextReady) PromoteReadyReplicas();
        if (_now >= _nextSample)
        {
            Integrate();
            foreach (var s in _services)
            {
                foreach (var r in s.Replicas) CloseInterval(s, r);
            }
            _nextSample += _sampleInterval;
        }
    }

    private void PromoteReadyReplicas()
    {
        Integrate();
        var next = double.PositiveInfinity;
        foreach (var s in _services)
        {
            foreach (var r in s.Replicas)
            {
                if (r.State != ReplicaState.Starting) continue;
                if (r.ReadyAt <= _now)
                {
                    r.State = ReplicaState.Ready;
                    r.LastBusyChange = _now;
                    s.Starting--;
                    s.Ready++;
                    s.AddCandidate(r);
                    PullHeld(s, r);
                }
                else if (r.ReadyAt < next)
                {
                    next = r.ReadyAt;
                }
            }
        }
        _nextReady = next;
    }

    private void CloseInterval(SimService s, Replica r)
    {
        r.AccrueBusy(_now);
        CreditBusy(r);
        if (_emitSamples)
        {
            var completed = r.IntervalCompleted - r.IntervalErrors;
            long[] counts = [];
            if (completed > 0)
            {
                counts = r.IntervalLatency;
                r.IntervalLatency = NewLatencyCounts();
            }
            _samples.Add(new MetricSample
            {
                Service = s.Name,
                Replica = r.Name,
                Timestamp = ToTime(_now),
                IntervalSeconds = _sampleInterval,
                Requests = r.IntervalArrivals,
                Completed = r.IntervalCompleted,
                Errors = r.IntervalErrors,
                Utilization = Math.Clamp(r.IntervalBusySeconds / (r.Workers * _sampleInterval), 0, 1),
                InFlight = r.InFlight,
                Ready = r.State == ReplicaState.Ready,
                LatencyCounts = counts,
                LatencySumMs = r.IntervalLatencySumMs,
            });
        }
        else if (r.IntervalCompleted > 0)
        {
            Array.Clear(r.IntervalLatency);
        }
        r.IntervalArrivals = r.IntervalCompleted = r.IntervalErrors = 0;
        r.IntervalBusySeconds = r.BusyCredited = 0;
        r.IntervalLatencySumMs = 0;
    }

    /// <summary>Moves busy time accrued since the last credit into the service totals.</summary>
    private void CreditBusy(Replica r)
    {
        r.AccrueBusy(_now);
        r.Owner.Stats.BusyWorkerSeconds += r.IntervalBusySeconds - r.BusyCredited;
        r.BusyCredited = r.IntervalBusySeconds;
    }

    /// <summary>Integrates replica counts over time up to now (call before any count changes).</summary>
    private void Integrate()
    {
        foreach (var s in _services)
        {
            var dt = _now - s.LastIntegrated;
            if (dt <= 0) continue;
            var serving = s.Ready + s.Draining;
            s.Stats.ReplicaSeconds += dt * (serving + s.Starting);
            s.Stats.ServingWorkerSeconds += dt * serving * s.Options.Workers;
            s.Stats.ElapsedSeconds += dt;
            s.LastIntegrated = _now;
        }
    }

    private void Reconcile(SimService s)
    {
        var active = s.Starting + s.Ready;
        for (; active < s.Desired; active++)
        {
            var r = NewReplica(s, s.StartupSeconds);
            if (s.StartupSeconds <= 0)
            {
                r.State = ReplicaState.Ready;
                s.Ready++;
                s.AddCandidate(r);
            }
            else
            {
                s.Starting++;
                if (r.ReadyAt < _nextReady) _nextReady = r.ReadyAt;
            }
        }
        // Remove the newest replicas first, starting ones before ready ones (like a ReplicaSet's victim ranking).
        for (var i = s.Replicas.Count - 1; i >= 0 && active > s.Desired; i--)
        {
            var r = s.Replicas[i];
            if (r.State != ReplicaState.Starting) continue;
            Remove(s, r);
            active--;
        }
        for (var i = s.Replicas.Count - 1; i >= 0 && active > s.Desired; i--)
        {
            var r = s.Replicas[i];
            if (r.State != ReplicaState.Ready) continue;
            s.RemoveCandidate(r);
            r.State = ReplicaState.Draining;
            s.Ready--;
            s.Draining++;
            active--;
            if (r.InFlight == 0) Remove(s, r);
        }
    }

    private Replica NewReplica(SimService s, double startup)
    {
        var speeds = s.Options.SpeedFactors;
        var r = new Replica($"{s.Name}-{s.Sequence}", s.Options.Workers, speeds[s.Sequence % speeds.Count], s.Options.QueueCapacity, _now + startup)
        {
            Owner = s,
            Weight = s.DefaultWeight,
            LastBusyChange = _now,
        };
        s.Sequence++;
        s.Replicas.Add(r);
        if (_tableCount == _table.Length) Array.Resize(ref _table, _table.Length * 2);
        r.Id = _tableCount;
        _table[_tableCount++] = r;
        return r;
    }

    /// <summary>Removes a replica at once; in-flight work must already be accounted for.</summary>
    private void Remove(SimService s, Replica r)
    {
        CreditBusy(r);
        switch (r.State)
        {
            case ReplicaState.Starting: s.Starting--; break;
            case ReplicaState.Ready: s.Ready--; break;
            case ReplicaState.Draining: s.Draining--; break;
        }
        s.RemoveCandidate(r);
        r.State = ReplicaState.Gone;
        r.Busy = 0;
        r.ClearQueue();
        s.Replicas.Remove(r);
    }

    private void ScheduleNextArrival(SimService s, double from)
    {
        var t = from;
        while (true)
        {
            if (t >= s.SegmentEnd)
            {
                var segment = s.Load.SegmentAt(t);
                if (!(segment.EndSeconds > t)) throw new InvalidOperationException($"load profile '{s.Load.Name}' returned a segment ending at {segment.EndSeconds} s for offset {t} s");
                s.SegmentRate = segment.RatePerSecond;
                s.SegmentEnd = segment.EndSeconds;
            }
            if (s.SegmentRate > 0)
            {
                var next = t + _arrivalRandom.NextExponential(s.SegmentRate);
                if (next < s.SegmentEnd)
                {
                    s.NextArrival = next;
                    return;
                }
            }
            if (double.IsPositiveInfinity(s.SegmentEnd))
            {
                s.NextArrival = double.PositiveInfinity;
                return;
            }
            t = s.SegmentEnd;
        }
    }
}
