namespace Pipeline.Predictor.Autoscaling.Hpa;

/// <summary>What the HPA controller remembers per service: recent recommendations, recent scale events, the last sync.</summary>
internal sealed class HpaServiceState
{
    public List<(DateTimeOffset At, int Replicas)> Recommendations { get; } = [];
    public List<(DateTimeOffset At, int Change)> ScaleUpEvents { get; } = [];
    public List<(DateTimeOffset At, int Change)> ScaleDownEvents { get; } = [];

    /// <summary>End of the window the controller last synced on.</summary>
    public DateTimeOffset? LastSyncWindowEnd { get; set; }

    /// <summary>Replica change in the events strictly after <paramref name="cutoff"/> (Kubernetes <c>getReplicasChangePerPeriod</c>).</summary>
    public static int ChangeSince(List<(DateTimeOffset At, int Change)> events, DateTimeOffset cutoff)
    {
        var sum = 0;
        foreach (var e in events) if (e.At > cutoff) sum += e.Change;
        return sum;
    }

    /// <summary>Drops entries older than <paramref name="keep"/> before <paramref name="now"/>, bounding memory.</summary>
    public void Prune(DateTimeOffset now, TimeSpan keep)
    {
        var cutoff = now - keep;
        Recommendations.RemoveAll(r => r.At < cutoff);
        ScaleUpEvents.RemoveAll(e => e.At < cutoff);
        ScaleDownEvents.RemoveAll(e => e.At < cutoff);
    }
}
