using Pipeline.Contracts.Messages;
using Pipeline.Predictor.Autoscaling.Predictive;
using Pipeline.Predictor.Forecasting;
using Pipeline.Predictor.Queueing;

namespace Pipeline.Predictor.Tests.Predictive;

public class SlaSizingTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>Hourly windows, a small fast gbm, one-hour start-up (as PredictivePolicyTests), the default fixed sizings.</summary>
    private static PredictiveOptions Options(SlaSizingOptions? sla) => new()
    {
        TargetUtilization = 0.6,
        StartupDelay = Hour,
        ScaleDownStabilization = TimeSpan.Zero,
        Forecasting = new ForecastingOptions { Gbm = { Trees = 30, MinTrainingRows = 60 }, MinResiduals = 20 },
        Sla = sla,
    };

    private static readonly double[] Noise = Enumerable.Range(0, 24 * 12).Select(i => Math.Sin(i * 12.9898) * 43758.5453 % 1).ToArray();

    /// <summary>A daily sine at a few hundred req/s with ±15% noise (so gbm beats seasonal-naive and drives), 6 to 17 replicas of 40 req/s.</summary>
    private static double Smooth(int i) => (420 + 250 * Math.Sin(2 * Math.PI * i / 24)) * (1 + 0.15 * Noise[i]);

    private static List<ScaleDecision> Run(SlaSizingOptions? sla)
    {
        var driver = new PolicyDriver(PredictiveRegistration.Create(Options(sla)), Hour);
        driver.Run(Enumerable.Range(0, 24 * 10).Select(Smooth));
        return driver.Decisions.Skip(24 * 8).ToList();
    }

    [Fact]
    public void Decide_SlaSizing_TheTailFitsTheQueueingLimitOfTheReplicasChosen()
    {
        // PolicyDriver: 40 req/s per replica at 100%, so with 4 workers the learned mean service time is 100 ms.
        var sla = new SlaSizingOptions { WorkersPerReplica = 4, ServiceTimeCv = 0.5, SloSeconds = 0.5, Target = 0.999 };
        var limits = SlaLimits.For(4, 0.1, 0.5, 0.5, 0.001);

        var forecasts = Run(sla).Where(d => d.Rule == PredictiveRules.Forecast).ToList();

        Assert.True(forecasts.Count > 0, string.Join("\n", Run(sla).Select(d => d.Rule + ": " + d.Explanation).Take(3)));
        Assert.All(forecasts, d =>
        {
            var n = (int)d.Inputs["forecastReplicas"];
            Assert.Equal(limits.Utilization(n), d.Inputs["slaUtilization"], 12);
            Assert.True(d.Inputs["forecastTail"] <= n * PolicyDriver.Capacity * limits.Utilization(n), d.Explanation);
            Assert.Contains("the highest utilization at which", d.Explanation);
            Assert.Contains("keep 99.9 % of requests within 500 ms (queueing model)", d.Explanation);
        });
    }

    [Fact]
    public void Decide_SlaSizingOnASmoothLoad_FewerReplicasThanTheFixedSizings()
    {
        var sla = Run(new SlaSizingOptions { WorkersPerReplica = 4, ServiceTimeCv = 0.5, SloSeconds = 0.5, Target = 0.999 });
        var fixedSizing = Run(null);

        // At 6-17 replicas of 4 workers the pooled limit is 0.93-0.98: above the expected demand's 0.9 and the upper bound's 0.8.
        Assert.True(sla.Sum(d => d.DesiredReplicas) < fixedSizing.Sum(d => d.DesiredReplicas),
            $"sla {sla.Sum(d => d.DesiredReplicas)} replica-hours, fixed {fixedSizing.Sum(d => d.DesiredReplicas)}");
        Assert.All(fixedSizing, d => Assert.True(double.IsNaN(d.Inputs["slaUtilization"])));
    }
}
