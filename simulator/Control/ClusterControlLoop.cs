using System.Diagnostics;
using Pipeline.Actuator.Safety;
using Pipeline.Actuator.Service;
using Pipeline.Contracts.Messages;
using Pipeline.Features.Windowing;
using Pipeline.Predictor.Decisions;
using Pipeline.Simulator.Cluster;

namespace Pipeline.Simulator.Control;

/// <summary>
/// The live pipeline's control loop around a simulated cluster in virtual time, without Kafka in between: the
/// cluster's per-replica samples go through the features stage's <see cref="WindowAggregator"/>, each closed window
/// through the predictor's <see cref="DecisionStep"/>, each decision through the actuator's <see cref="Actuation"/>
/// onto the cluster (the <see cref="SimulatorTarget"/>), and each scale result back to the step, exactly as the stages
/// pass them over the topics. <c>pipeline evaluate</c>, the demo's pre-roll and its twin run this.
/// </summary>
public sealed class ClusterControlLoop
{
    private readonly SimulatedCluster _cluster;
    private readonly DecisionStep _step;
    private readonly Actuation _actuation;
    private readonly WindowAggregator _windows;
    private long _decisionTicks;

    public ClusterControlLoop(SimulatedCluster cluster, DecisionStep step, WindowingOptions? windowing = null)
    {
        _cluster = cluster;
        _step = step;
        _windows = new WindowAggregator(windowing);
        var bounds = new ActuatorOptions { Target = Actuator.Targets.ActuatorTargetNames.Simulator, MinReplicas = step.Options.MinReplicas, MaxReplicas = step.Options.MaxReplicas };
        _actuation = new Actuation(new SimulatorTarget(cluster), bounds, new ClusterClock(cluster));
    }

    /// <summary>The cluster the loop drives.</summary>
    public SimulatedCluster Cluster => _cluster;

    /// <summary>Wall time spent deciding and applying (benchmark figure only).</summary>
    public TimeSpan DecisionTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _decisionTicks));

    /// <summary>Called with every window decided on, the decisions made and the result of applying the scale decision.</summary>
    public Action<FeatureWindow, StepDecisions, ActuationResult>? Decided { get; init; }

    /// <summary>
    /// Advances the cluster to <paramref name="seconds"/> of virtual time one sample interval at a time, deciding on every
    /// window as soon as it closes (as the live stages do), so a long advance does not batch decisions at its end.
    /// </summary>
    public void AdvanceToSeconds(double seconds)
    {
        var step = _cluster.Options.SampleInterval.TotalSeconds;
        for (var t = (Math.Floor(_cluster.NowSeconds / step + 1e-9) + 1) * step; t < seconds - 1e-9; t += step) StepTo(t);
        StepTo(seconds);
    }

    private void StepTo(double seconds)
    {
        _cluster.AdvanceToSeconds(seconds);
        var samples = _cluster.DrainSamples();
        foreach (var sample in samples)
        {
            foreach (var window in _windows.Add(sample, _cluster.Now).Closed)
            {
                if (WindowChecks.Problem(window) is null) Decide(window);
            }
        }
        _cluster.Recycle(samples); // merged into the windows above, none held
    }

    /// <summary>Advances the cluster to <paramref name="time"/>.</summary>
    public void AdvanceTo(DateTimeOffset time) => AdvanceToSeconds((time - _cluster.Start).Ticks / (double)TimeSpan.TicksPerSecond);

    private void Decide(FeatureWindow window)
    {
        var started = Stopwatch.GetTimestamp();
        var decided = _step.Decide(window);
        var applied = _actuation.Scale(decided.Scale);
        _step.Follow(applied);
        if (decided.Route is { } route) _actuation.Route(route);
        Interlocked.Add(ref _decisionTicks, Stopwatch.GetTimestamp() - started);
        Decided?.Invoke(window, decided, applied);
    }
}
