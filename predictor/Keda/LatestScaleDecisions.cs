using System.Collections.Concurrent;
using Pipeline.Contracts.Messages;

namespace Pipeline.Predictor.Keda;

/// <summary>The latest scale decision per service, and a signal for whoever waits on a change (the push stream). Thread-safe.</summary>
public sealed class LatestScaleDecisions
{
    private readonly ConcurrentDictionary<string, ScaleDecision> _latest = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Remembers <paramref name="decision"/> as its service's latest and wakes the waiters.</summary>
    public void Record(ScaleDecision decision)
    {
        _latest[decision.Service] = decision;
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>The latest decision of <paramref name="service"/>, if any.</summary>
    public ScaleDecision? Get(string service) => _latest.GetValueOrDefault(service);

    /// <summary>Completes on the next <see cref="Record"/> after this call.</summary>
    public Task NextChangeAsync(CancellationToken cancellationToken) => Volatile.Read(ref _changed).Task.WaitAsync(cancellationToken);
}
