using System.Diagnostics;
using Pipeline.Contracts.Messages;
using Pipeline.Simulator.Control;

namespace Pipeline.Cli.Demo;

/// <summary>
/// Warm start of the demo: before the live part, the cluster runs at full speed in virtual time through the same
/// decision step (a <see cref="ClusterControlLoop"/>, no Kafka), so the predictive policy has its history, a trained
/// model and calibrated intervals when the first live window arrives. A pre-roll rather than a state directory because
/// the demo's load (synthetic, or a trace's opening hours) has no stored history, and the pre-roll is the very load the
/// live part continues: the model learns the shape it then forecasts.
/// </summary>
internal sealed class DemoPreroll
{
    private int _windows;
    private ScaleDecision? _last;

    /// <summary>Counts a decision of the loop (pass as <see cref="ClusterControlLoop.Decided"/>).</summary>
    public void Observe(ScaleDecision decision)
    {
        _windows++;
        _last = decision;
    }

    /// <summary>Runs <paramref name="loop"/> (built with <see cref="Observe"/>) up to <paramref name="liveStart"/>.</summary>
    public PrerollReport Run(ClusterControlLoop loop, DateTimeOffset liveStart)
    {
        var watch = Stopwatch.StartNew();
        var from = loop.Cluster.Now;
        for (var t = from + TimeSpan.FromMinutes(1); t < liveStart; t += TimeSpan.FromMinutes(1)) loop.AdvanceTo(t);
        loop.AdvanceTo(liveStart);
        return new PrerollReport(liveStart - from, watch.Elapsed, _windows, _last);
    }
}

/// <summary>What a pre-roll covered: the virtual span, the wall time it took, the windows decided and the last decision.</summary>
internal sealed record PrerollReport(TimeSpan Virtual, TimeSpan Wall, int Windows, ScaleDecision? Last)
{
    public string Describe() =>
        $"pre-roll: {Virtual.TotalHours:0.#} h of the load simulated in {Wall.TotalSeconds:0.0} s through the same decision step " +
        $"({Windows} windows); last pre-roll decision [{Last?.Rule ?? "-"}] {Last?.Explanation ?? ""}";
}
