using System.Globalization;
using Pipeline.Contracts.Messages;

namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>
/// Builds the <see cref="ScaleDecision"/>: one line stating the forecast and its interval, the horizon, the deciding
/// rule (forecast, reactive floor, fallback and why, stabilization, step or bound) and the model's recent accuracy;
/// the numbers in <see cref="ScaleDecision.Inputs"/> and the forecast in <see cref="ScaleDecision.Forecast"/>.
/// </summary>
internal static class PredictiveExplanation
{
    public static ScaleDecision Decision(AutoscalingContext context, string policy, PredictiveOptions options,
        PredictiveAssessment assessment, PredictivePlan plan, PredictiveLimits limits, PredictiveServiceState state, FloorSizing sizing, double growth = 1, bool recurringYesterdayAlone = false)
    {
        var c = CultureInfo.InvariantCulture;
        var model = state.Model.Forecaster.Name;
        var inputs = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["currentReplicas"] = context.CurrentReplicas,
            ["minReplicas"] = context.MinReplicas,
            ["maxReplicas"] = context.MaxReplicas,
            ["targetUtilization"] = options.TargetUtilization,
            ["capacityPerReplica"] = state.Capacity.PerReplica,
            ["historyPoints"] = state.History.Available,
            ["reactiveFloor"] = plan.Floor ?? double.NaN,
            ["floorUtilization"] = sizing.Utilization,
            ["expectedUpperNow"] = sizing.ExpectedUpper,
            ["forecastReplicas"] = plan.ForecastReplicas ?? double.NaN,
            ["recurringReplicas"] = plan.RecurringReplicas ?? double.NaN,
            ["recommendedReplicas"] = plan.Recommended,
            ["stabilizedReplicas"] = limits.Stabilized,
            ["modelSmape"] = assessment.ModelSmape,
            ["referenceSmape"] = assessment.ReferenceSmape,
            ["recentCoverage"] = assessment.RecentCoverage,
            ["fallback"] = assessment.UsesForecast ? 0 : 1,
            ["forecastTail"] = assessment.Decisive?.Tail ?? double.NaN,
            ["slaUtilization"] = plan.SlaLimit ?? double.NaN,
            ["forecastShortfall"] = assessment.Decisive?.Shortfall is { } shortfall && shortfall > 0 ? shortfall : double.NaN,
        };

        ForecastInfo? forecast = null;
        var text = "";
        if (assessment.Decisive is { } d)
        {
            forecast = new ForecastInfo
            {
                Model = model,
                HorizonSeconds = d.Ahead.TotalSeconds,
                Value = d.Value,
                Lower = d.Lower,
                Upper = d.Upper,
                Coverage = options.Forecasting.Coverage,
                RecentSmape = d.RecentSmape,
            };
            text = string.Create(c, $"{model} forecast {d.Value:0.##} req/s [{d.Lower:0.##}, {d.Upper:0.##}] ({options.Forecasting.Coverage:P0} interval) at +{d.Ahead.TotalSeconds:0}s");
            if (d.Uncapped is { } said) text += string.Create(c, $" (capped at the highest rate the history holds; the model said {said:0.##} req/s)");
        }
        var floor = plan.Floor is { } f ? f.ToString(c) + FloorReason(context, sizing, options, growth) : "n/a (no metrics)";
        if (assessment.UsesForecast)
        {
            text += string.Create(c,
                $"; {state.Capacity.PerReplica:0.##} req/s per replica at 100% busy, {Sizing(assessment, plan, options)} -> {plan.ForecastReplicas} replicas; reactive floor {floor}");
        }
        else
        {
            text = (text.Length > 0 ? text + "; " : "") + $"fallback to reactive: {assessment.FallbackReason}; reactive floor {floor}";
        }
        if (plan.Rule == PredictiveRules.Recurring)
        {
            text += recurringYesterdayAlone
                ? string.Create(c, $"; recurring demand: the same time yesterday, when the load outgrew the ready replicas, needed {plan.RecurringReplicas} replicas")
                : string.Create(c, $"; recurring demand: the same time on each of the last {options.RecurringDays} days needed {plan.RecurringReplicas} replicas");
        }
        text += $"; rule {limits.Rule} -> {limits.Final}";
        if (limits.Detail is { } detail) text += $" ({detail})";
        text += Accuracy(assessment, state, options);

        return ScaleDecisions.Create(context, policy, limits.Final, limits.Rule, inputs, text) with
        {
            Mode = options.ForecastOnly ? DecisionModes.Recommend : DecisionModes.Act,
            Forecast = forecast,
        };
    }

    private static string Sizing(PredictiveAssessment assessment, PredictivePlan plan, PredictiveOptions options) =>
        plan.SlaLimit is { } limit && options.Sla is { } sla
            ? string.Create(CultureInfo.InvariantCulture,
                $"{(double.IsFinite(assessment.Decisive?.Tail ?? double.NaN) ? $"the error's {options.Forecasting.TailProbability:P0} tail ({assessment.Decisive!.Value.Tail:0.##} req/s)" : "the upper bound")}{Shortfall(assessment)} and expected demand sized at {limit:0.000}, the highest utilization at which {plan.ForecastReplicas} replicas keep {sla.Target:P1} of requests within {sla.SloSeconds * 1000:0} ms (queueing model)")
            : string.Create(CultureInfo.InvariantCulture, $"upper bound sized at {options.UpperSizing:0.00} and expected demand at {options.ExpectedSizing:0.00}{Tail(assessment, options)}");

    private static string Shortfall(PredictiveAssessment assessment) =>
        assessment.Decisive is { Shortfall: var shortfall, ShortfallCapped: var capped } && double.IsFinite(shortfall) && shortfall > 0
            ? string.Create(CultureInfo.InvariantCulture, $", the shortfall beyond the interval ({shortfall:0.##} req/s{(capped ? ", held to the highest rate the history holds or the upper bound" : "")})")
            : "";

    private static string Tail(PredictiveAssessment assessment, PredictiveOptions options) =>
        assessment.Decisive is { Tail: var tail } && double.IsFinite(tail)
            ? string.Create(CultureInfo.InvariantCulture, $", the error's {options.Forecasting.TailProbability:P0} tail ({tail:0.##} req/s) at 1.00")
            : "";

    private static string FloorReason(AutoscalingContext context, FloorSizing sizing, PredictiveOptions options, double growth)
    {
        var c = CultureInfo.InvariantCulture;
        var rate = context.Window.RequestRate;
        if (sizing.Relaxed && sizing.AboveStreak > 0)
            return string.Create(c, $" (at {sizing.Utilization:0.00}: {rate:0.##} req/s is above the forecast's upper bound {sizing.ExpectedUpper:0.##}, window {sizing.AboveStreak} of the {options.SurpriseWindows} in a row that make a surprise)");
        if (sizing.Relaxed) return string.Create(c, $" (at {sizing.Utilization:0.00}: {rate:0.##} req/s is inside the forecast interval, upper {sizing.ExpectedUpper:0.##})");
        // A surprise the ready replicas cannot serve at all is one at its first window (FloorSizing).
        var saturated = sizing.Saturated && sizing.AboveStreak < options.SurpriseWindows ? " and more than the ready replicas can serve" : "";
        if (sizing.Surprise && growth > 1)
            return string.Create(c, $" (HPA calculation at {sizing.Utilization:0.00}: surprise, {rate:0.##} req/s above the forecast's upper bound {sizing.ExpectedUpper:0.##}{saturated}, sized for x{growth:0.##} = {rate * growth:0.##} req/s, the rise of this service's last surprise of that size by the time its replicas were ready)");
        if (sizing.Surprise) return string.Create(c, $" (HPA calculation at {sizing.Utilization:0.00}: surprise, {rate:0.##} req/s above the forecast's upper bound {sizing.ExpectedUpper:0.##}{saturated})");
        return string.Create(c, $" (HPA calculation at {sizing.Utilization:0.00})");
    }

    private static string Accuracy(PredictiveAssessment a, PredictiveServiceState state, PredictiveOptions options)
    {
        if (double.IsNaN(a.ModelSmape)) return "; accuracy: no forecast scored yet";
        var c = CultureInfo.InvariantCulture;
        var reference = double.IsNaN(a.ReferenceSmape)
            ? $"{state.Reference.Forecaster.Name} not scored yet"
            : string.Create(c, $"{state.Reference.Forecaster.Name} {a.ReferenceSmape:P1}");
        var coverage = double.IsNaN(a.RecentCoverage) ? "" : string.Create(c, $", interval coverage {a.RecentCoverage:P0} (nominal {options.Forecasting.Coverage:P0})");
        var drift = a.DriftChecked ? "" : ", drift check pending";
        return string.Create(c, $"; recent sMAPE {a.ModelSmape:P1} vs {reference}{coverage}{drift}");
    }
}
