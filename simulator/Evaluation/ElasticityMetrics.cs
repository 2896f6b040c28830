namespace Pipeline.Simulator.Evaluation;

/// <summary>
/// The SPEC Research Group elasticity metrics (Herbst et al., "Ready for Rain? A View from SPEC Research on the
/// Future of Cloud Metrics", SPEC-RG-2016-01, as implemented by the BUNGEE benchmark), over demand and supply step
/// functions sampled on a regular grid. Units: accuracies in replicas (absolute) or fractions of demand (relative),
/// timeshares and instability as fractions of the time (0..1; SPEC prints them in percent), jitter in adaptations
/// per minute.
/// </summary>
public sealed record ElasticityMetrics
{
    /// <summary>θU: mean under-provisioned replicas, (1/T) Σ max(d - s, 0) Δt.</summary>
    public double UnderAccuracy { get; init; }

    /// <summary>θO: mean over-provisioned replicas, (1/T) Σ max(s - d, 0) Δt.</summary>
    public double OverAccuracy { get; init; }

    /// <summary>θU relative: (1/T) Σ max(d - s, 0) / d Δt.</summary>
    public double UnderAccuracyRelative { get; init; }

    /// <summary>θO relative: (1/T) Σ max(s - d, 0) / d Δt.</summary>
    public double OverAccuracyRelative { get; init; }

    /// <summary>τU: fraction of time with supply below demand.</summary>
    public double UnderTimeshare { get; init; }

    /// <summary>τO: fraction of time with supply above demand.</summary>
    public double OverTimeshare { get; init; }

    /// <summary>Jitter: (supply adaptations - demand changes) per minute; negative when supply follows too sluggishly.</summary>
    public double Jitter { get; init; }

    /// <summary>Instability: fraction of steps in which supply and demand move in different directions, (1/(T-1)) Σ min(|sgn Δs - sgn Δd|, 1) Δt.</summary>
    public double Instability { get; init; }

    /// <summary>
    /// Computes the metrics from demand and supply sampled every <paramref name="stepSeconds"/>; demand values below 1 count as 1
    /// in the relative accuracies (a service always needs a replica).
    /// </summary>
    public static ElasticityMetrics Compute(ReadOnlySpan<int> demand, ReadOnlySpan<int> supply, double stepSeconds)
    {
        if (demand.Length != supply.Length) throw new ArgumentException("demand and supply must have the same length");
        if (!(stepSeconds > 0)) throw new ArgumentOutOfRangeException(nameof(stepSeconds));
        var n = demand.Length;
        if (n == 0) return new ElasticityMetrics();

        double under = 0, over = 0, underRel = 0, overRel = 0;
        long underSteps = 0, overSteps = 0, supplyChanges = 0, demandChanges = 0, unstable = 0;
        for (var i = 0; i < n; i++)
        {
            var d = demand[i];
            var s = supply[i];
            var dd = Math.Max(1, d);
            if (d > s)
            {
                under += d - s;
                underRel += (d - s) / (double)dd;
                underSteps++;
            }
            else if (s > d)
            {
                over += s - d;
                overRel += (s - d) / (double)dd;
                overSteps++;
            }
            if (i == 0) continue;
            var ds = Math.Sign(s - supply[i - 1]);
            var dDemand = Math.Sign(d - demand[i - 1]);
            if (ds != 0) supplyChanges++;
            if (dDemand != 0) demandChanges++;
            if (ds != dDemand) unstable++;
        }
        var minutes = n * stepSeconds / 60;
        return new ElasticityMetrics
        {
            UnderAccuracy = under / n,
            OverAccuracy = over / n,
            UnderAccuracyRelative = underRel / n,
            OverAccuracyRelative = overRel / n,
            UnderTimeshare = underSteps / (double)n,
            OverTimeshare = overSteps / (double)n,
            Jitter = (supplyChanges - demandChanges) / minutes,
            Instability = n > 1 ? unstable / (double)(n - 1) : 0,
        };
    }
}
