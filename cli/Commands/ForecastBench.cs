using System.Diagnostics;
using System.Globalization;
using Pipeline.Predictor.Forecasting;
using Pipeline.Predictor.Forecasting.Intervals;
using Pipeline.Predictor.Forecasting.Training;
using Trace = Pipeline.Simulator.Traces.Trace;

namespace Pipeline.Cli.Commands;

/// <summary>
/// Walk-forward forecast benchmark on one trace: every forecaster sees the rows one by one (training inline on its
/// schedule, exactly as the simulator would), forecasts 1..H rows ahead from each row after the warm-up, and is
/// scored when the target row arrives: sMAPE per horizon and the measured coverage of its conformal interval.
/// </summary>
internal static class ForecastBench
{
    public sealed record Row(string Forecaster, int Horizon, double Smape, double Coverage, long Scored);

    public static IReadOnlyList<Row> Accuracy(Trace trace, int horizons, double warmupFraction, ForecastingOptions options, TextWriter log)
    {
        var steps = Enumerable.Range(1, horizons).ToArray();
        var rows = new List<Row>();
        foreach (var name in ForecasterNames.All)
        {
            var clock = Stopwatch.StartNew();
            var forecaster = ForecasterRegistry.Create(name, options, horizons);
            var tracker = new ForecastTracker(forecaster, steps, options);
            var trainer = TrainerModes.Create(TrainerModes.Synchronous);
            var history = new RateHistory(trace.Interval, trace.Requests.Count + 1);
            var warmup = (int)(trace.Requests.Count * warmupFraction);
            var trainings = 0;
            for (var i = 0; i < trace.Requests.Count; i++)
            {
                history.Append(trace.Start + trace.Interval * i, trace.Requests[i] / trace.Interval.TotalSeconds);
                if (forecaster is ITrainableForecaster trainable) trainer.Maintain(trainable, history, (_, _) => trainings++);
                if (i < warmup) continue;
                tracker.Observe(history);
                tracker.Forecast(history);
            }
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {clock.Elapsed.TotalSeconds:0.0}s walk-forward, {trainings} trainings"));
            for (var k = 0; k < horizons; k++)
            {
                rows.Add(new Row(name, steps[k], tracker.LifetimeSmape(k), tracker.MeasuredCoverage(k), tracker.Scored(k)));
            }
        }
        return rows;
    }

    /// <summary>Trains <c>gbm</c> once on the newest <paramref name="days"/> days of the trace (resampled to one-minute points if finer data is absent, the trace as is otherwise).</summary>
    public static (TimeSpan Time, int Points, int Examples) TrainingTime(Trace trace, double days, int horizons, ForecastingOptions options)
    {
        var points = (int)Math.Min(trace.Requests.Count, Math.Round(TimeSpan.FromDays(days) / trace.Interval));
        var history = new RateHistory(trace.Interval, points);
        for (var i = trace.Requests.Count - points; i < trace.Requests.Count; i++)
        {
            history.Append(trace.Start + trace.Interval * i, trace.Requests[i] / trace.Interval.TotalSeconds);
        }
        var gbm = (ITrainableForecaster)ForecasterRegistry.Create(ForecasterNames.Gbm, options, horizons);
        var clock = Stopwatch.StartNew();
        var model = gbm.Train(history) ?? throw new InvalidOperationException("the trace is too short to train gbm");
        return (clock.Elapsed, points, model.TrainingExamples);
    }
}
