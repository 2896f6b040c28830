using Pipeline.Predictor.Autoscaling.Predictive;

namespace Pipeline.Predictor.Tests.Predictive;

/// <summary>Drift is the model significantly behind the reference, not behind on noise.</summary>
public class DriftTestTests
{
    /// <summary>Per-score sMAPE differences: <paramref name="shift"/> plus Gaussian noise of sd 0.02 (seeded), 3 horizons.</summary>
    private static Func<int, int, double> Differences(double shift, int seed)
    {
        var random = new Random(seed);
        var values = new double[3, 240];
        for (var k = 0; k < 3; k++)
        {
            for (var i = 0; i < 240; i++)
            {
                var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                values[k, i] = shift + 0.02 * normal;
            }
        }
        return (k, back) => values[k, back];
    }

    [Fact]
    public void TiedForecasters_DriftOnAboutOneSeedInTwenty()
    {
        var drifts = Enumerable.Range(0, 200).Count(seed => DriftTest.Worse(3, 240, Differences(0, seed)));
        // One-sided at 95%: about 10 of 200; comparing the means alone would say drift on about 100.
        Assert.InRange(drifts, 2, 22);
    }

    [Fact]
    public void ModelBehindByAFifthOfTheNoise_Drifts()
    {
        var drifts = Enumerable.Range(0, 50).Count(seed => DriftTest.Worse(3, 240, Differences(0.004, seed)));
        Assert.True(drifts >= 45, $"drift on {drifts} of 50");
    }

    [Fact]
    public void OneBadBatch_IsNotDrift()
    {
        // The model far behind for the newest 30 scores only (one surge it missed) and level otherwise: the batch means
        // vary too much for the mean difference to be significant.
        Assert.False(DriftTest.Worse(3, 240, (_, back) => back < 30 ? 0.5 : 0));
        Assert.True(DriftTest.Worse(3, 240, (_, back) => back % 2 == 0 ? 0.02 : 0), "behind by the same in every batch");
    }

    [Fact]
    public void FewerScoresThanBatches_NoDrift()
    {
        Assert.False(DriftTest.Worse(3, 7, (_, _) => 1));
        Assert.False(DriftTest.Worse(0, 240, (_, _) => 1));
    }
}
