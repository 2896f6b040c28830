using Pipeline.Predictor.Autoscaling.Predictive;

namespace Pipeline.Predictor.Tests.Predictive;

/// <summary>Drift is the model significantly behind the reference, not behind on noise.</summary>
public class DriftTestTests
{
    private readonly struct Values(Func<int, int, double> at) : DriftTest.IDifferences
    {
        public double At(int k, int back) => at(k, back);
    }

    private static bool Worse(int held, Func<int, int, double> at, int longest = 3) => DriftTest.Worse(3, held, longest, new Values(at));

    /// <summary>
    /// Per-score sMAPE differences at 3 horizons: <paramref name="shift"/> plus Gaussian noise of sd 0.02 (seeded), summed
    /// over the last <paramref name="overlap"/> windows and scaled back to sd 0.02 (a miss shared by overlapping horizons).
    /// </summary>
    private static Func<int, int, double> Differences(double shift, int seed, int overlap = 1)
    {
        var random = new Random(seed);
        var values = new double[3, 240];
        for (var k = 0; k < 3; k++)
        {
            var noise = new double[240 + overlap];
            for (var i = 0; i < noise.Length; i++) noise[i] = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            for (var i = 0; i < 240; i++) values[k, i] = shift + 0.02 * noise.Skip(i).Take(overlap).Sum() / Math.Sqrt(overlap);
        }
        return (k, back) => values[k, back];
    }

    [Fact]
    public void TiedForecasters_DriftOnAboutOneSeedInTwenty()
    {
        var drifts = Enumerable.Range(0, 200).Count(seed => Worse(240, Differences(0, seed)));
        // One-sided at 95%: about 10 of 200; comparing the means alone would say drift on about 100.
        Assert.InRange(drifts, 2, 22);
    }

    [Fact]
    public void ModelBehindByAFifthOfTheNoise_Drifts()
    {
        var drifts = Enumerable.Range(0, 50).Count(seed => Worse(240, Differences(0.004, seed)));
        Assert.True(drifts >= 45, $"drift on {drifts} of 50");
    }

    [Fact]
    public void OneBadBatch_IsNotDrift()
    {
        // The model far behind for the newest 30 scores only (one surge it missed) and level otherwise: the batch means
        // vary too much for the mean difference to be significant.
        Assert.False(Worse(240, (_, back) => back < 30 ? 0.5 : 0));
        Assert.True(Worse(240, (_, back) => back % 2 == 0 ? 0.02 : 0), "behind by the same in every batch");
    }

    [Fact]
    public void TiedForecastersWithErrorsSharedOverFiveWindows_StillDriftRarely()
    {
        // Each difference a moving sum of 5 windows' noise (horizons up to 5 share a miss): batches of 30 span it.
        var drifts = Enumerable.Range(0, 200).Count(seed => Worse(240, Differences(0, seed, overlap: 5), longest: 5));
        Assert.InRange(drifts, 2, 26);
    }

    [Fact]
    public void BatchesShorterThanTwiceTheLongestHorizon_NoDrift()
    {
        Assert.True(Worse(80, (_, back) => back % 2 == 0 ? 0.02 : 0, longest: 5), "batches of 10 span twice horizon 5");
        Assert.False(Worse(79, (_, back) => back % 2 == 0 ? 0.02 : 0, longest: 5), "batches of 9 do not");
        Assert.False(Worse(7, (_, _) => 1, longest: 0));
        Assert.False(DriftTest.Worse(0, 240, 1, new Values((_, _) => 1)));
    }
}
