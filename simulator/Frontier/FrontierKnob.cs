using Pipeline.Predictor.Autoscaling.Predictive;

namespace Pipeline.Simulator.Frontier;

/// <summary>One setting of the predictive policy's operating knob in a frontier sweep.</summary>
/// <param name="Label">E.g. <c>expected 0.9 / upper 0.8</c>.</param>
/// <param name="Configure">Changes to the policy's options (after the evaluation's own); null = its defaults.</param>
public sealed record FrontierKnob(string Label, Action<PredictiveOptions>? Configure);
