namespace Pipeline.Fleet.Load;

/// <summary>One sent request: when it was scheduled, sent and answered (offsets from the run's start), and its error kind if it failed.</summary>
internal readonly record struct RequestOutcome(TimeSpan Scheduled, TimeSpan Sent, TimeSpan Ended, string? Error)
{
    public double FromScheduledMs => (Ended - Scheduled).TotalMilliseconds;
    public double FromSentMs => (Ended - Sent).TotalMilliseconds;
    public double LagMs => Math.Max(0, (Sent - Scheduled).TotalMilliseconds);
}
