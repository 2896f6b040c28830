using System.CommandLine;
using Pipeline.Predictor.Autoscaling.Predictive;

namespace Pipeline.Cli.Commands;

/// <summary>
/// How the predictive policy stores each service's state (<see cref="PredictiveOptions.CompactState"/>), on the command
/// line of <c>pipeline evaluate</c> and <c>pipeline predictor</c>.
/// </summary>
internal sealed class PredictiveStateOptions
{
    private readonly Option<string?> _state = new("--predictive-state") { Description = "Per-service state of the predictive policy: 'compact' (the default, in evaluate as in the live predictor: bfloat16 at full resolution for --predictive-full-resolution, bucket and hourly bfloat16 means beyond, float16 residual windows; see pipeline bench-state) or 'exact' (every point and residual a double)." };
    private readonly Option<string?> _full = new("--predictive-full-resolution") { Description = "With compact state: span of the newest history kept at full resolution, e.g. 2d, 6h (default: 6h with gbm-global, the default forecaster; a week and a day, all a decision reads, with per-service gbm; shorter keeps bucket means up to a week and a day: 6h: 45 KiB per service at 15 s, with coarser recurring demand and seasonal lags; per-service gbm then trains on smoothed look-backs, gbm-global captures full-resolution rows as they complete; never shorter than the gbm lookback and horizons)." };
    private readonly Option<int?> _downsample = new("--predictive-downsample") { Description = "With a shorter --predictive-full-resolution: points per bucket mean up to a week and a day (default: 5, the width of the gbm seasonal lags' smoothing; 1 where a day holds fewer than 96 points); hourly means beyond." };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { _state, _full, _downsample }) command.Options.Add(o);
    }

    /// <summary>Applies the options given to <paramref name="options"/>; throws naming the option when a value is invalid.</summary>
    public void Apply(ParseResult result, PredictiveOptions options)
    {
        options.CompactState = result.GetValue(_state) switch
        {
            null => options.CompactState,
            "compact" => true,
            "exact" => false,
            var other => throw new ArgumentException($"--predictive-state: '{other}' is neither 'compact' nor 'exact'"),
        };
        if (result.GetValue(_full) is { } full) options.HistoryFullResolution = EvaluateArguments.Duration(full, "--predictive-full-resolution");
        if (result.GetValue(_downsample) is { } k)
        {
            if (k < 1) throw new ArgumentException($"--predictive-downsample: must be >= 1, was {k}");
            options.HistoryDownsample = k;
        }
    }
}
