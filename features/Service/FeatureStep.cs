using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Validation;
using Pipeline.Features.Windowing;
using Pipeline.Runtime.Kafka.Streaming;

namespace Pipeline.Features.Service;

/// <summary>
/// One metric record through the features stage's rules, whatever engine runs it: read, validate, count in its
/// event-time window. Returns the accepted sample (or why it is rejected) and the windows its arrival closed.
/// </summary>
public sealed class FeatureStep(WindowingOptions options, ServiceTally? tally = null)
{
    private readonly WindowAggregator _aggregator = new(options, tally);

    /// <summary>Reads, validates and windows <paramref name="message"/> arriving at <paramref name="now"/>.</summary>
    public FeatureStepResult Add(InputMessage message, DateTimeOffset now)
    {
        if (!TryRead(message, out var sample, out var reason)) return FeatureStepResult.Rejected(reason);
        var problems = MetricSampleValidator.Validate(sample);
        if (problems.Count > 0) return FeatureStepResult.Rejected($"invalid: {string.Join("; ", problems)}");
        var result = _aggregator.Add(sample, now);
        if (result.Disposition != SampleDisposition.Accepted)
            return FeatureStepResult.Rejected(result.Reason ?? result.Disposition.ToString().ToLowerInvariant());
        return new FeatureStepResult(sample, null, result.Closed);
    }

    /// <summary>The plain shape on the fast path, anything else through the serializer (which also names what is malformed).</summary>
    private static bool TryRead(InputMessage message, out MetricSample sample, out string reason)
    {
        reason = "";
        if (MetricSampleJson.TryRead(message.Value, out var fast))
        {
            sample = fast;
            return true;
        }
        return MessageReader.TryRead(message, out sample, out reason);
    }

    /// <summary>Counts a sample accepted before a restart again (rebuilding its open window); true when it was accepted.</summary>
    public bool Restore(MetricSample sample, DateTimeOffset now) =>
        _aggregator.Add(sample, now).Disposition == SampleDisposition.Accepted;

    /// <summary>Forgets every service's state (its partition was revoked), freeing their places under the service limit.</summary>
    public void Drop() => _aggregator.Drop();

    /// <summary>Closes the windows of services idle for the idle timeout (see <see cref="WindowAggregator.CloseIdle"/>).</summary>
    public IReadOnlyList<FeatureWindow> CloseIdle(DateTimeOffset now) => _aggregator.CloseIdle(now);
}

/// <summary>What <see cref="FeatureStep.Add"/> did with a record.</summary>
/// <param name="Accepted">The sample counted in its window, or null when rejected.</param>
/// <param name="Rejection">Why the record goes to the dead-letter topic, or null when accepted.</param>
/// <param name="Closed">Windows closed by the advanced watermark, in window order.</param>
public readonly record struct FeatureStepResult(MetricSample? Accepted, string? Rejection, IReadOnlyList<FeatureWindow> Closed)
{
    /// <summary>A rejected record: nothing counted, nothing closed.</summary>
    public static FeatureStepResult Rejected(string reason) => new(null, reason, []);
}
