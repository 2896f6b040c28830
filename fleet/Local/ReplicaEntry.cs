namespace Pipeline.Fleet.Local;

/// <summary>The reconciler's record of one replica process (mutated under the fleet state's lock).</summary>
internal sealed class ReplicaEntry(IReplicaProcess process, long sequence, long phaseSince)
{
    public IReplicaProcess Process { get; } = process;
    public long Sequence { get; } = sequence;
    public string Id => Process.Id;
    public ReplicaPhase Phase { get; private set; } = ReplicaPhase.Starting;

    /// <summary><see cref="TimeProvider.GetTimestamp"/> when the current phase began.</summary>
    public long PhaseSince { get; private set; } = phaseSince;

    /// <summary>Failed attempts to register it with the proxy (touched only by the reconcile loop).</summary>
    public int RegisterFailures { get; set; }

    public void MoveTo(ReplicaPhase phase, long now)
    {
        Phase = phase;
        PhaseSince = now;
    }
}
