using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Integration.Tests.ScaleOut;

/// <summary>What the stages made of a <see cref="FleetSampleLoad"/>: the windows, scale and route decisions and actuation results on the topics.</summary>
internal sealed class FleetOutputs(string bootstrap) : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly TopicReader _windows = new(bootstrap, TopicNames.Features);
    private readonly TopicReader _decisions = new(bootstrap, TopicNames.ScaleDecisions);
    private readonly TopicReader _routes = new(bootstrap, TopicNames.RouteDecisions);
    private readonly TopicReader _results = new(bootstrap, TopicNames.Actuations);
    private readonly List<ActuationResult> _parsed = [];

    public IReadOnlyList<ReadRecord> Records => _windows.Records;

    /// <summary>Reads until a window, a scale decision and an applied result exist for every expected window, then a little on (for repeats); false on timeout.</summary>
    public bool ReadAll(FleetSampleLoad load)
    {
        var expected = Expected(load).Count;
        var done = _windows.ReadUntil(_ => Windows(load).Select(w => (w.Service, w.WindowStart)).Distinct().Count() >= expected, Wait)
            && _decisions.ReadUntil(_ => ScaleDecisions(load).Select(d => d.Id).Distinct().Count() >= expected, Wait)
            && _results.ReadUntil(_ => Results().Count(r => r.Status == ActuationStatuses.Applied) >= expected, Wait);
        _windows.ReadFor(TimeSpan.FromSeconds(2));
        _decisions.ReadFor(TimeSpan.FromSeconds(1));
        _results.ReadFor(TimeSpan.FromSeconds(1));
        return done;
    }

    /// <summary>Reads the route decisions until one exists for every window a scale decision was made for, then a little on; false on timeout.</summary>
    public bool ReadRoutes(FleetSampleLoad load)
    {
        var windows = ScaleDecisions(load).Select(d => (d.Service, d.WindowEnd)).ToHashSet();
        var done = _routes.ReadUntil(_ => windows.IsSubsetOf(RouteDecisions(load).Select(d => (d.Service, d.WindowEnd))), Wait);
        _routes.ReadFor(TimeSpan.FromSeconds(1));
        return done;
    }

    /// <summary>Reads actuation results while the stages run, until <paramref name="done"/> holds for those read so far; false on timeout.</summary>
    public bool ReadResultsUntil(Func<IReadOnlyList<ActuationResult>, bool> done, TimeSpan timeout) =>
        _results.ReadUntil(_ => done(Results()), timeout);

    /// <summary>The windows of the load itself (not the one its closing sample opened).</summary>
    public IReadOnlyList<FeatureWindow> Windows(FleetSampleLoad load) =>
        [.. _windows.Records.Select(r => r.As<FeatureWindow>()).Where(w => w.WindowStart < FleetSampleLoad.T0.AddSeconds(load.Ticks + 30))];

    /// <summary>The scale decisions of the load's windows.</summary>
    public IReadOnlyList<ScaleDecision> ScaleDecisions(FleetSampleLoad load) =>
        [.. _decisions.Records.Select(r => r.As<ScaleDecision>()).Where(d => d.WindowEnd <= FleetSampleLoad.T0.AddSeconds(load.Ticks + 45))];

    /// <summary>The route decisions of the load's windows.</summary>
    public IReadOnlyList<RouteDecision> RouteDecisions(FleetSampleLoad load) =>
        [.. _routes.Records.Select(r => r.As<RouteDecision>()).Where(d => d.WindowEnd <= FleetSampleLoad.T0.AddSeconds(load.Ticks + 45))];

    /// <summary>Every actuation result read so far, in the order read (parsed once each).</summary>
    public IReadOnlyList<ActuationResult> Results()
    {
        for (var i = _parsed.Count; i < _results.Records.Count; i++) _parsed.Add(_results.Records[i].As<ActuationResult>());
        return _parsed;
    }

    /// <summary>Samples per (service, window start) sent: a sample stamped s covers (s - 1 s, s], in window [15k, 15k + 15) for 15k &lt; s &lt;= 15k + 15.</summary>
    public static Dictionary<(string, DateTimeOffset), int> Expected(FleetSampleLoad load) =>
        load.Services.SelectMany((s, i) => Enumerable.Range(0, load.Ticks).Select(n => (s, Start: FleetSampleLoad.T0.AddSeconds(
                ((int)(FleetSampleLoad.Stamp(i, n) - FleetSampleLoad.T0).TotalSeconds - 1) / 15 * 15))))
            .GroupBy(e => e).ToDictionary(g => g.Key, g => g.Count() * load.Replicas);

    public void Dispose()
    {
        _windows.Dispose();
        _decisions.Dispose();
        _routes.Dispose();
        _results.Dispose();
    }
}
