namespace Pipeline.Predictor.Autoscaling.Hpa;

/// <summary>
/// The stateful half of the Kubernetes HPA controller for <c>behavior</c>: stabilization (scale-up takes the minimum and
/// scale-down the maximum of the recommendations within each direction's window, the current one included), then the
/// rate-limit policies over the recorded scale events and the min/max bounds. Mirrors the controller's
/// <c>stabilizeRecommendationWithBehaviors</c> and <c>convertDesiredReplicasWithBehaviorRate</c>.
/// </summary>
internal static class HpaBehaviorNormalizer
{
    public static HpaNormalization Normalize(HpaOptions options, HpaServiceState state, DateTimeOffset now,
        int current, int recommended, int min, int max)
    {
        var stabilized = Stabilize(options, state, now, current, recommended);
        if (stabilized > current)
        {
            var (limit, policy) = ScaleUpLimit(options.ScaleUp.SelectPolicy, options.ScaleUpPolicies, state, now, current);
            limit = Math.Max(limit, current);
            var rateBinds = max > limit;
            var allowed = rateBinds ? limit : max;
            if (stabilized > allowed)
            {
                var why = rateBinds
                    ? options.ScaleUp.SelectPolicy == HpaSelectPolicy.Disabled ? "scale-up disabled by selectPolicy" : $"scale-up limited to {allowed} by {policy}"
                    : $"capped at maxReplicas {max}";
                return new(stabilized, allowed, rateBinds ? "rate" : "bound", allowed, why);
            }
        }
        else if (stabilized < current)
        {
            var (limit, policy) = ScaleDownLimit(options.ScaleDown.SelectPolicy, options.ScaleDownPolicies, state, now, current);
            limit = Math.Min(limit, current);
            var rateBinds = min < limit;
            var allowed = rateBinds ? limit : min;
            if (stabilized < allowed)
            {
                var why = rateBinds
                    ? options.ScaleDown.SelectPolicy == HpaSelectPolicy.Disabled ? "scale-down disabled by selectPolicy" : $"scale-down limited to {allowed} by {policy}"
                    : $"raised to minReplicas {min}";
                return new(stabilized, allowed, rateBinds ? "rate" : "bound", allowed, why);
            }
        }
        return new(stabilized, stabilized, null, stabilized, "");
    }

    /// <summary>Records a scale event after a change (Kubernetes <c>storeScaleEvent</c>).</summary>
    public static void RecordScale(HpaServiceState state, DateTimeOffset now, int previous, int next)
    {
        if (next > previous) state.ScaleUpEvents.Add((now, next - previous));
        else if (next < previous) state.ScaleDownEvents.Add((now, previous - next));
    }

    private static int Stabilize(HpaOptions options, HpaServiceState state, DateTimeOffset now, int current, int recommended)
    {
        var upCutoff = now - options.ScaleUp.StabilizationWindow;
        var downCutoff = now - options.ScaleDown.StabilizationWindow;
        int up = recommended, down = recommended;
        foreach (var (at, replicas) in state.Recommendations)
        {
            if (at > upCutoff) up = Math.Min(up, replicas);
            if (at > downCutoff) down = Math.Max(down, replicas);
        }
        state.Recommendations.Add((now, recommended));
        return Math.Min(Math.Max(current, up), down);
    }

    private static (int Limit, string Policy) ScaleUpLimit(HpaSelectPolicy select, IReadOnlyList<HpaScalingPolicy> policies,
        HpaServiceState state, DateTimeOffset now, int current)
    {
        if (select == HpaSelectPolicy.Disabled) return (current, "selectPolicy Disabled");
        int? best = null;
        var chosen = "";
        foreach (var p in policies)
        {
            var start = PeriodStart(p, state, now, current);
            var proposed = p.Type == HpaPolicyType.Pods
                ? start + p.Value
                : (int)Math.Ceiling(start * (1 + p.Value / 100.0));
            if (best is null || (select == HpaSelectPolicy.Max ? proposed > best : proposed < best))
            {
                best = proposed;
                chosen = p.ToString();
            }
        }
        return (best ?? current, chosen + " policy");
    }

    private static (int Limit, string Policy) ScaleDownLimit(HpaSelectPolicy select, IReadOnlyList<HpaScalingPolicy> policies,
        HpaServiceState state, DateTimeOffset now, int current)
    {
        if (select == HpaSelectPolicy.Disabled) return (current, "selectPolicy Disabled");
        int? best = null;
        var chosen = "";
        foreach (var p in policies)
        {
            var start = PeriodStart(p, state, now, current);
            var proposed = p.Type == HpaPolicyType.Pods
                ? start - p.Value
                : (int)(start * (1 - p.Value / 100.0));
            // Max selects the largest change, i.e. the lowest replica count.
            if (best is null || (select == HpaSelectPolicy.Max ? proposed < best : proposed > best))
            {
                best = proposed;
                chosen = p.ToString();
            }
        }
        return (best ?? current, chosen + " policy");
    }

    // Replicas at the start of the policy's period: current minus the additions plus the removals made within it.
    private static int PeriodStart(HpaScalingPolicy p, HpaServiceState state, DateTimeOffset now, int current) =>
        current - HpaServiceState.ChangeSince(state.ScaleUpEvents, now - p.Period)
                + HpaServiceState.ChangeSince(state.ScaleDownEvents, now - p.Period);
}
