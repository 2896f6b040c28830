using Pipeline.Contracts.Messages;
using Pipeline.Predictor.Autoscaling;
using Pipeline.Predictor.Routing;
using Pipeline.Predictor.Service;

namespace Pipeline.Predictor.Decisions;

/// <summary>
/// The one decision step of the system, run by the live predictor stage and by the simulator's evaluation alike: from a
/// closed feature window and what the actuator last applied to a scale decision (and a route decision when a routing
/// policy is set and the window has per-replica features), plus, when a shadow policy is set, what it would have decided
/// on the same window, said in the decision's explanation. The current replica count is the count the actuator last
/// applied for a decision this step issued (<see cref="Follow"/>), else the replicas that reported in the window.
/// </summary>
public sealed class DecisionStep(IAutoscalingPolicy autoscaling, IRoutingPolicy? routing, PredictorOptions options, IAutoscalingPolicy? shadow = null)
{
    private readonly Dictionary<string, int> _applied = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastWindow = new(StringComparer.Ordinal);
    private readonly IssuedDecisions _issued = new();

    /// <summary>The options the step runs with.</summary>
    public PredictorOptions Options => options;

    /// <summary>Decides on one window (validate it first with <see cref="WindowChecks.Problem"/>).</summary>
    public StepDecisions Decide(FeatureWindow window)
    {
        _lastWindow[window.Service] = window.WindowEnd;
        var current = _applied.TryGetValue(window.Service, out var applied) ? applied : Math.Max(1, window.Replicas);
        var decision = autoscaling.Decide(Context(window, current));
        if (shadow is not null) decision = WithShadow(decision, window, current);
        _issued.Issued(decision);
        var route = routing is not null && window.ReplicaFeatures.Count > 0
            ? routing.Decide(new RoutingContext { Service = window.Service, Now = window.WindowEnd, Window = window })
            : null;
        return new StepDecisions(decision, route);
    }

    /// <summary>
    /// Follows what the actuator did: an applied or clamped scale result for a recent decision of this step becomes the
    /// service's current count; any other result (an unknown or already followed decision id, a count out of bounds: see
    /// <see cref="IssuedDecisions"/>) is ignored. True when the result was followed.
    /// </summary>
    public bool Follow(ActuationResult result)
    {
        if (result is not { Kind: "scale", Status: ActuationStatuses.Applied or ActuationStatuses.Clamped }) return false;
        if (_issued.Refusal(result, options.MaxReplicas) is not null) return false;
        _applied[result.Service] = result.AppliedReplicas;
        return true;
    }

    /// <summary>
    /// Forgets every service whose newest window ended <paramref name="idle"/> or more before <paramref name="now"/> (event
    /// time, so the simulator and the live stage evict alike): the policies' state, the applied count. Returns them.
    /// </summary>
    public IReadOnlyList<string> EvictIdle(DateTimeOffset now, TimeSpan idle)
    {
        var gone = _lastWindow.Where(s => now - s.Value >= idle).Select(s => s.Key).ToList();
        foreach (var service in gone)
        {
            _lastWindow.Remove(service);
            _applied.Remove(service);
            _issued.Forget(service);
            autoscaling.Forget(service);
            shadow?.Forget(service);
        }
        return gone;
    }

    private AutoscalingContext Context(FeatureWindow window, int current) => new()
    {
        Service = window.Service,
        Now = window.WindowEnd,
        Window = window,
        CurrentReplicas = current,
        MinReplicas = options.MinReplicas,
        MaxReplicas = options.MaxReplicas,
    };

    /// <summary>The shadow decides on the same window from the same current count: what it would do in this situation.</summary>
    private ScaleDecision WithShadow(ScaleDecision decision, FeatureWindow window, int current)
    {
        var other = shadow!.Decide(Context(window, current));
        return decision with
        {
            ShadowPolicy = other.Policy,
            ShadowReplicas = other.DesiredReplicas,
            Explanation = $"{decision.Explanation}; {other.Policy} would ask {other.DesiredReplicas} ({other.Rule})",
        };
    }
}

/// <summary>What one step decided: always a scale decision, a route decision when routing ran.</summary>
public sealed record StepDecisions(ScaleDecision Scale, RouteDecision? Route);
