using System.Globalization;
using Pipeline.Predictor.Autoscaling.Threshold;

namespace Pipeline.Predictor.Tests.Autoscaling;

/// <summary>
/// The threshold rules with their defaults (upper 0.8 for 3 min, lower 0.3 for 15 min, cooldown 300 s, step 1) on
/// sequences of 15 s windows. A sequence is "u*n u*n ...": n consecutive windows at utilization u; each decision is
/// applied before the next window.
/// </summary>
public class ThresholdRulesTests
{
    [Theory]
    [InlineData("0.9*11", 5, 5, ThresholdRules.Hold)]                 // 165 s above: not yet 3 min
    [InlineData("0.9*12", 5, 6, ThresholdRules.ScaleOut)]             // 180 s above: +1
    [InlineData("0.9*13", 5, 6, ThresholdRules.Cooldown)]             // still above, within the cooldown
    [InlineData("0.9*32", 5, 7, ThresholdRules.ScaleOut)]             // 300 s after the first action: +1 again
    [InlineData("0.9*6 0.5*1 0.9*6", 5, 5, ThresholdRules.Hold)]      // an interrupted breach starts over
    [InlineData("0.8*12", 5, 5, ThresholdRules.Hold)]                 // at the threshold is not above it
    [InlineData("0.2*59", 5, 5, ThresholdRules.Hold)]                 // 14 min 45 s below: not yet 15 min
    [InlineData("0.2*60", 5, 4, ThresholdRules.ScaleIn)]              // 15 min below: -1
    [InlineData("0.9*12 0.2*60", 5, 5, ThresholdRules.ScaleIn)]       // out, then in once the low breach lasted 15 min
    [InlineData("0.95*12", 10, 10, ThresholdRules.Hold)]              // at the maximum
    [InlineData("0.1*60", 1, 1, ThresholdRules.Hold)]                 // at the minimum
    [InlineData("0.5*1", 12, 10, ThresholdRules.Bound)]               // above the maximum: clamped
    [InlineData("NaN*1", 5, 5, ThresholdRules.NoMetrics)]
    public void Next_Sequence_ExpectedReplicasAndRule(string sequence, int start, int expectedReplicas, string expectedRule)
    {
        var options = new ThresholdOptions();
        var state = new ThresholdState();
        var epoch = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var current = start;
        var step = new ThresholdStep(current, "");
        var i = 0;
        foreach (var u in Expand(sequence))
        {
            var windowStart = epoch.AddSeconds(15 * i++);
            step = ThresholdRules.Next(options, state, windowStart, windowStart.AddSeconds(15), u, current, 1, 10);
            current = step.Desired;
        }

        Assert.Equal(expectedReplicas, current);
        Assert.Equal(expectedRule, step.Rule);
    }

    [Fact]
    public void Validate_LowerNotBelowUpper_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new ThresholdOptions { LowerThreshold = 0.8, UpperThreshold = 0.8 }.Validate());

        Assert.Contains("LowerThreshold", error.Message);
    }

    private static IEnumerable<double> Expand(string sequence) =>
        sequence.Split(' ').SelectMany(part =>
        {
            var (u, n) = (part.Split('*')[0], int.Parse(part.Split('*')[1], CultureInfo.InvariantCulture));
            return Enumerable.Repeat(double.Parse(u, CultureInfo.InvariantCulture), n);
        });
}
