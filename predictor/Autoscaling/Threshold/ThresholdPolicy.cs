using System.Globalization;
using Pipeline.Contracts.Messages;

namespace Pipeline.Predictor.Autoscaling.Threshold;

/// <summary>The <c>threshold</c> policy: <see cref="ThresholdRules"/> on each window's mean utilization of the ready replicas, per service.</summary>
internal sealed class ThresholdPolicy : IAutoscalingPolicy
{
    private readonly ThresholdOptions _options;
    private readonly Dictionary<string, ThresholdState> _states = new(StringComparer.Ordinal);

    public ThresholdPolicy(ThresholdOptions options)
    {
        options.Validate();
        _options = options;
    }

    public string Name => AutoscalingPolicyNames.Threshold;

    public void Forget(string service) => _states.Remove(service);

    public ScaleDecision Decide(AutoscalingContext context)
    {
        var window = context.Window;
        if (!_states.TryGetValue(context.Service, out var state)) _states[context.Service] = state = new ThresholdState();
        var utilization = window.ReadyReplicas > 0 ? window.Utilization : double.NaN;
        var step = ThresholdRules.Next(_options, state, window.WindowStart, window.WindowEnd, utilization,
            context.CurrentReplicas, context.MinReplicas, context.MaxReplicas);
        var inputs = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["utilization"] = utilization,
            ["upperThreshold"] = _options.UpperThreshold,
            ["lowerThreshold"] = _options.LowerThreshold,
            ["currentReplicas"] = context.CurrentReplicas,
        };
        var explanation = string.Create(CultureInfo.InvariantCulture,
            $"utilization {utilization:0.00} vs band [{_options.LowerThreshold:0.00}, {_options.UpperThreshold:0.00}]: {step.Rule} -> {step.Desired}");
        return ScaleDecisions.Create(context, Name, step.Desired, step.Rule, inputs, explanation);
    }
}
