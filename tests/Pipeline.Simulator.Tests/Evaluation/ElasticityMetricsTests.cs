using Pipeline.Simulator.Evaluation;

namespace Pipeline.Simulator.Tests.Evaluation;

/// <summary>Elasticity metrics on small step functions computed by hand.</summary>
public class ElasticityMetricsTests
{
    [Fact]
    public void Compute_SupplyLagsDemandStep_HandComputedValues()
    {
        // t:       0  1  2  3  4  5
        // demand:  2  2  4  4  4  2
        // supply:  2  2  2  3  4  4
        int[] demand = [2, 2, 4, 4, 4, 2];
        int[] supply = [2, 2, 2, 3, 4, 4];
        var m = ElasticityMetrics.Compute(demand, supply, stepSeconds: 60);

        // under: t2 (2), t3 (1) -> 3 / 6 = 0.5; relative 2/4 + 1/4 = 0.75 / 6 = 0.125
        Assert.Equal(0.5, m.UnderAccuracy, 12);
        Assert.Equal(0.125, m.UnderAccuracyRelative, 12);
        // over: t5 (2) -> 2 / 6; relative 2/2 / 6
        Assert.Equal(2 / 6.0, m.OverAccuracy, 12);
        Assert.Equal(1 / 6.0, m.OverAccuracyRelative, 12);
        Assert.Equal(2 / 6.0, m.UnderTimeshare, 12);
        Assert.Equal(1 / 6.0, m.OverTimeshare, 12);
        // supply changes at t3, t4 (2); demand at t2, t5 (2); 6 minutes -> jitter 0
        Assert.Equal(0, m.Jitter, 12);
        // directions differ at t2 (d up, s flat), t3 (s up, d flat), t4 (s up, d flat), t5 (d down, s flat): 4 of 5 steps
        Assert.Equal(0.8, m.Instability, 12);
    }

    [Fact]
    public void Compute_SupplyEqualsDemand_AllZero()
    {
        int[] series = [1, 3, 3, 5, 2];
        var m = ElasticityMetrics.Compute(series, series, stepSeconds: 1);

        Assert.Equal(new ElasticityMetrics(), m);
    }

    [Fact]
    public void Compute_OscillatingSupplyOnFlatDemand_PositiveJitterAndFullOverTimeshare()
    {
        int[] demand = [1, 1, 1, 1, 1];
        int[] supply = [2, 3, 2, 3, 2];
        var m = ElasticityMetrics.Compute(demand, supply, stepSeconds: 30);

        // 4 supply changes, 0 demand changes over 2.5 minutes
        Assert.Equal(4 / 2.5, m.Jitter, 12);
        Assert.Equal(1.0, m.OverTimeshare, 12);
        Assert.Equal(1.0, m.Instability, 12);
        // over-provisioned by 1 + 2 + 1 + 2 + 1 = 7 replicas of demand 1 over 5 steps
        Assert.Equal(7 / 5.0, m.OverAccuracyRelative, 12);
        Assert.Equal(7 / 5.0, m.OverAccuracy, 12);
    }

    [Fact]
    public void Median_DecisionAfterOnset_PositiveLatency()
    {
        // onset at t2 (demand 4 > ready 2); desired reaches 4 at t5
        int[] demand = [2, 2, 4, 4, 4, 4, 4, 4, 4];
        int[] ready = [2, 2, 2, 2, 2, 2, 2, 4, 4];
        int[] desired = [2, 2, 2, 2, 2, 4, 4, 4, 4];

        Assert.Equal(30.0, DecisionLatency.Median(demand, ready, desired, stepSeconds: 10));
    }

    [Fact]
    public void Median_DecisionBeforeOnset_NegativeLatency()
    {
        // desired rose to 4 at t1, replicas still starting at the onset t3
        int[] demand = [2, 2, 2, 4, 4, 4];
        int[] ready = [2, 2, 2, 2, 4, 4];
        int[] desired = [2, 4, 4, 4, 4, 4];

        Assert.Equal(-2.0, DecisionLatency.Median(demand, ready, desired, stepSeconds: 1));
    }

    [Fact]
    public void Median_DesiredCoveredLongBeforeOnset_OnsetLeftOut()
    {
        // desired has been 4 for 20 minutes; ready drops (a replica crashed) at t = 1200 s: not a decision problem
        var n = 1300;
        var demand = Enumerable.Repeat(4, n).ToArray();
        var desired = Enumerable.Repeat(4, n).ToArray();
        var ready = Enumerable.Range(0, n).Select(i => i < 1200 ? 4 : 3).ToArray();

        Assert.Null(DecisionLatency.Median(demand, ready, desired, stepSeconds: 1));
    }

    [Fact]
    public void Median_NeverUnderProvisioned_Null()
    {
        int[] demand = [1, 2, 3];
        int[] supply = [3, 3, 3];

        Assert.Null(DecisionLatency.Median(demand, supply, supply, stepSeconds: 1));
    }
}
