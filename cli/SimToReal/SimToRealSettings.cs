using Pipeline.Fleet.Local;
using Pipeline.Predictor.Service;

namespace Pipeline.Cli.SimToReal;

/// <summary>One sim-to-real comparison: the trace segment, its compression, the replica model and the policies to run.</summary>
internal sealed record SimToRealSettings
{
    public required string TracePath { get; init; }

    /// <summary>The trace itself when it is not read from <see cref="TracePath"/> (the demo's synthetic load as a trace).</summary>
    public Simulator.Traces.Trace? Trace { get; init; }

    /// <summary>Offset into the trace where the compared segment starts (rounded down to a trace row).</summary>
    public TimeSpan Start { get; init; }

    /// <summary>Wall (and virtual) length of the compared segment.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>Trace seconds per wall second.</summary>
    public double Speed { get; init; } = 60;

    /// <summary>The segment's busiest row runs at this rate.</summary>
    public double PeakRps { get; init; } = 200;

    /// <summary>Wall-equivalent span before the segment run through the same decision step in the simulator (warm start).</summary>
    public TimeSpan Preroll { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Extra time a replica process needs beyond its configured start-up delay to be ready (measured: about 1 s).</summary>
    public TimeSpan LaunchOverhead { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The autoscaler x balancer combinations to run, in order.</summary>
    public IReadOnlyList<(string Autoscaler, string Balancer)> Runs { get; init; } = [("hpa", "round-robin"), ("predictive", "learned")];
    public LocalReplicaSettings Replica { get; init; } = new() { StartupDelay = TimeSpan.FromSeconds(10) };
    public TimeSpan Slo { get; init; } = TimeSpan.FromSeconds(1);
    public double TargetUtilization { get; init; } = new PredictorOptions().TargetUtilization;
    public int MaxReplicas { get; init; } = 30;
    public long Seed { get; init; } = 1;
    public string? JsonPath { get; init; }

    /// <summary>Run only the simulated side (a preview; prints every scale change).</summary>
    public bool SimulatedOnly { get; init; }

    /// <summary>Start-up time the simulator and the predictor assume: the replica's delay plus the process launch.</summary>
    public TimeSpan EffectiveStartup => Replica.StartupDelay + LaunchOverhead;
}
