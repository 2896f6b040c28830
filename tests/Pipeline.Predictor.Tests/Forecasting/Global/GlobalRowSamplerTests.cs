using Pipeline.Predictor.Forecasting;
using Pipeline.Predictor.Forecasting.Gbm;
using Pipeline.Predictor.Forecasting.Global;

namespace Pipeline.Predictor.Tests.Forecasting.Global;

public class GlobalRowSamplerTests
{
    private static readonly RateHistory[] Fleet = [.. Enumerable.Range(0, 300).Select(s => GlobalFleetSeries.Build(200 + s, 10 + s, 0.1, seed: s))];

    [Fact]
    public void Origins_MoreServicesThanRows_BoundedOneEachAndDeterministicForASeed()
    {
        var options = new GlobalGbmOptions { MaxTrainingRows = 100 };

        var first = GlobalRowSampler.Origins(Fleet, 2, options, seed: 5);
        var again = GlobalRowSampler.Origins(Fleet, 2, options, seed: 5);
        var other = GlobalRowSampler.Origins(Fleet, 2, options, seed: 6);

        Assert.Equal(100, first.Count);
        Assert.Equal(100, first.Select(o => o.History).Distinct().Count());
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Origins_FewServices_EqualSharesInsideEachServicesRecentWindowDenserTowardsTheNewest()
    {
        var options = new GlobalGbmOptions { MaxTrainingRows = 90, OriginWindow = TimeSpan.FromDays(1), MinOriginPoints = 1 };
        var fleet = Fleet.Skip(100).Take(3).ToArray();

        var origins = GlobalRowSampler.Origins(fleet, 2, options, seed: 1);

        Assert.InRange(origins.Count, 80, 90);
        foreach (var history in fleet)
        {
            var own = origins.Where(o => o.History == history).Select(o => o.Origin).ToArray();
            Assert.InRange(own.Length, 25, 30);
            Assert.All(own, t => Assert.InRange(t, history.LastIndex - 2 - GlobalFleetSeries.PerDay + 1, history.LastIndex - 2));
            Assert.All(own, t => Assert.True(GbmFeatures.CanCompute(history, t)));
            var newestHalf = own.Count(t => t > history.LastIndex - 2 - GlobalFleetSeries.PerDay / 2);
            Assert.True(newestHalf > own.Length * 0.6, $"{newestHalf} of {own.Length} origins in the newest half of the window");
        }
    }
}
