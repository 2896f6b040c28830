using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Validation;

namespace Pipeline.Contracts.Tests.Validation;

public sealed class MetricSampleValidatorTests
{
    private static readonly MetricSample Valid = new()
    {
        Service = "web-api.v2_x",
        Replica = "web-7d9f-abc",
        Timestamp = new DateTimeOffset(2026, 1, 1, 0, 0, 1, TimeSpan.Zero),
        IntervalSeconds = 1,
        Requests = 10,
        Completed = 9,
        Errors = 1,
        Utilization = 0.5,
        InFlight = 2,
        LatencyCounts = new long[LatencyBuckets.Count],
        LatencySumMs = 12.5,
        MemoryBytes = 1024,
    };

    [Fact]
    public void Validate_ValidSample_NoErrors()
    {
        Assert.Empty(MetricSampleValidator.Validate(Valid));
        Assert.Empty(MetricSampleValidator.Validate(Valid with { LatencyCounts = [] }));
    }

    public static TheoryData<string, MetricSample> Invalid => new()
    {
        { "requests: must be >= 0, was -3", Valid with { Requests = -3 } },
        { "completed: must be >= 0, was -1", Valid with { Completed = -1, Errors = 0 } },
        { "errors: must be <= completed (9), was 10", Valid with { Errors = 10 } },
        { "utilization: must be between 0 and 1, was NaN", Valid with { Utilization = double.NaN } },
        { "utilization: must be between 0 and 1, was ∞", Valid with { Utilization = double.PositiveInfinity } },
        { "utilization: must be between 0 and 1, was 1.5", Valid with { Utilization = 1.5 } },
        { "intervalSeconds: must be > 0 and <= 3600, was 0", Valid with { IntervalSeconds = 0 } },
        { "intervalSeconds: must be > 0 and <= 3600, was NaN", Valid with { IntervalSeconds = double.NaN } },
        { "service: is required", Valid with { Service = "" } },
        { "service: must match ^[A-Za-z0-9._-]+$, was \"web api\"", Valid with { Service = "web api" } },
        { "service: must be at most 128 characters, was 129", Valid with { Service = new string('a', 129) } },
        { "service: must not be only dots (a relative path), was \"..\"", Valid with { Service = ".." } },
        { "service: must not be only dots (a relative path), was \".\"", Valid with { Service = "." } },
        { "service: must match ^[A-Za-z0-9._-]+$, was \"../etc\"", Valid with { Service = "../etc" } },
        { "replica: is required", Valid with { Replica = " " } },
        { "timestamp: is required", Valid with { Timestamp = default } },
        { "version: must be 1, was 2", Valid with { Version = 2 } },
        { "inFlight: must be >= 0, was -1", Valid with { InFlight = -1 } },
        { $"latencyCounts: must have 0 or {LatencyBuckets.Count} entries, had 3", Valid with { LatencyCounts = [1, 2, 3] } },
        { "latencyCounts[0]: must be >= 0, was -5", Valid with { LatencyCounts = [-5, .. new long[LatencyBuckets.Count - 1]] } },
        { "latencySumMs: must be >= 0, was -Infinity", Valid with { LatencySumMs = double.NegativeInfinity } },
        { "memoryBytes: must be >= 0, was -1", Valid with { MemoryBytes = -1 } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_InvalidField_NamesFieldAndProblem(string expected, MetricSample sample)
    {
        var errors = MetricSampleValidator.Validate(sample);

        Assert.Equal(expected.Replace("∞", "Infinity"), Assert.Single(errors));
    }

    [Fact]
    public void TryValidate_SeveralProblems_JoinsAllReasons()
    {
        var ok = MetricSampleValidator.TryValidate(Valid with { Requests = -3, Utilization = double.NaN }, out var reason);

        Assert.False(ok);
        Assert.Equal("requests: must be >= 0, was -3; utilization: must be between 0 and 1, was NaN", reason);
    }

    [Fact]
    public void Validate_Null_ReportsMessage()
    {
        Assert.Equal("message: must be a JSON object, was null", Assert.Single(MetricSampleValidator.Validate(null)));
    }
}
