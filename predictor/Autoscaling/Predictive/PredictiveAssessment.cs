using System.Globalization;
using Pipeline.Predictor.Forecasting.Intervals;

namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>
/// Whether the forecast may drive this decision and, if not, why (the fallback reason); the decisive horizon (the one
/// with the highest upper bound); and the model's and the reference's recent accuracy (mean sMAPE over the horizons).
/// </summary>
internal sealed record PredictiveAssessment(string? FallbackReason, HorizonForecast? Decisive, double NearPoint, double ModelSmape, double ReferenceSmape, double RecentCoverage, bool DriftChecked)
{
    public bool UsesForecast => FallbackReason is null;

    public static PredictiveAssessment Assess(PredictiveServiceState state, PredictiveOptions options)
    {
        var forecast = state.ModelForecast;
        var reference = state.ReferenceForecast;
        var modelSmape = MeanSmape(forecast);
        var referenceSmape = MeanSmape(reference);
        var name = state.Model.Forecaster.Name;
        HorizonForecast? decisive = null;
        double coverage = double.NaN, near = 0;
        if (forecast is not null && forecast.All(f => f.HasInterval))
        {
            // A replica requested now serves from the start-up delay on: the upper bound matters from there; before it,
            // only removals act, so the point forecast guards scale-downs (the reactive floor covers surprises).
            var earliest = Math.Max(1, (int)Math.Ceiling(options.StartupDelay / state.History.Step - 1e-9));
            decisive = forecast.Where(f => f.Horizon >= earliest).DefaultIfEmpty(forecast[^1]).MaxBy(f => f.Upper);
            near = forecast.Where(f => f.Horizon < earliest).Select(f => f.Value).DefaultIfEmpty(0).Max();
            coverage = forecast.Average(f => f.RecentCoverage);
        }
        var driftChecked = forecast is not null && reference is not null
            && forecast.Min(f => f.Scored) >= options.MinScoredForDrift && reference.Min(f => f.Scored) >= options.MinScoredForDrift;

        string? reason = null;
        var history = state.History;
        if (forecast is null)
        {
            reason = state.Trainable is { Model: null }
                ? string.Create(CultureInfo.InvariantCulture, $"history too short to train {name} ({history.Available} points of {history.Step.TotalSeconds:0.#}s)")
                : string.Create(CultureInfo.InvariantCulture, $"{name} cannot forecast yet ({history.Available} points of {history.Step.TotalSeconds:0.#}s held)");
        }
        else if (decisive is null)
        {
            reason = $"calibrating the {options.Forecasting.Coverage:P0} interval ({forecast.Min(f => f.Scored)} of {options.Forecasting.MinResiduals} forecasts scored)";
        }
        else if (!state.Capacity.Known)
        {
            reason = "per-replica capacity not learned yet (no busy window seen)";
        }
        else if (driftChecked && modelSmape > referenceSmape && DriftTest.Worse(state.Model, state.Reference))
        {
            reason = string.Create(CultureInfo.InvariantCulture,
                $"drift: {name} recent sMAPE {modelSmape:P1} significantly exceeds {state.Reference.Forecaster.Name}'s {referenceSmape:P1} (paired t-test, 95%)");
        }
        return new PredictiveAssessment(reason, decisive, near, modelSmape, referenceSmape, coverage, driftChecked);
    }

    private static double MeanSmape(HorizonForecast[]? forecast) =>
        forecast is null || forecast.Any(f => double.IsNaN(f.RecentSmape)) ? double.NaN : forecast.Average(f => f.RecentSmape);
}
