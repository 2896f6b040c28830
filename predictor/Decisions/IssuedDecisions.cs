using Pipeline.Contracts.Messages;

namespace Pipeline.Predictor.Decisions;

/// <summary>
/// The most recent scale decisions a <see cref="DecisionStep"/> issued per service, so it follows an actuation result
/// only for one of them: a result naming a decision id it never issued (or one issued too long ago), a second result for
/// a decision already followed, a result for a decision older than one already followed, or a replica count outside
/// [0, the larger of the step's maximum and the decision's desired count] is refused. This stops forged results that do
/// not know a recent decision id; one that copies a real id from the decisions topic can still set a count within those
/// bounds, once, for that decision. Who may write the actuations topic is the broker's to enforce (Kafka ACLs).
/// Ids are kept as 64-bit FNV-1a hashes in a ring with the desired counts (about 0.45 KB per service at 32 decisions,
/// instead of 5.5 KB of strings): an id crafted to collide with a recent one gains no more than copying that id.
/// </summary>
internal sealed class IssuedDecisions
{
    private readonly int _perService;

    /// <summary>Remembers the newest <paramref name="perService"/> decisions of each service (at least 1).</summary>
    public IssuedDecisions(int perService = DefaultPerService)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perService, 1);
        _perService = perService;
    }

    /// <summary>Decisions remembered per service: 32 windows (8 minutes of 15 s windows) for the result to come back.</summary>
    public const int DefaultPerService = 32;

    private readonly Dictionary<string, Recent> _byService = new(StringComparer.Ordinal);

    /// <summary>Remembers <paramref name="decision"/> as issued (a repeat of the same id is kept once).</summary>
    public void Issued(ScaleDecision decision)
    {
        if (!_byService.TryGetValue(decision.Service, out var recent)) _byService[decision.Service] = recent = new Recent(_perService);
        var id = Hash(decision.Id);
        if (recent.Find(id) > 0) return;
        recent.Add(id, decision.DesiredReplicas);
    }

    /// <summary>Null when <paramref name="result"/> may be followed (and marks its decision followed), else why not.</summary>
    public string? Refusal(ActuationResult result, int maxReplicas)
    {
        var id = Hash(result.DecisionId);
        var sequence = _byService.TryGetValue(result.Service, out var recent) ? recent.Find(id) : 0;
        if (recent is null || sequence == 0)
            return $"decision {result.DecisionId} was not issued by this predictor for {result.Service} (or too long ago)";
        if (sequence <= recent.Followed)
            return $"decision {result.DecisionId} is not newer than the last decision followed for {result.Service}";
        var max = Math.Max(maxReplicas, recent.Desired(sequence));
        if (result.AppliedReplicas < 0 || result.AppliedReplicas > max)
            return $"appliedReplicas {result.AppliedReplicas} is outside [0, {max}]";
        recent.Followed = sequence;
        return null;
    }

    /// <summary>Forgets a service (evicted as idle).</summary>
    public void Forget(string service) => _byService.Remove(service);

    private static ulong Hash(string id)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in id) hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }

    /// <summary>
    /// A service's newest decisions in a ring: decision number s (from 1) sits in slot (s - 1) mod the ring's size, so its
    /// number needs no storing (12 bytes a decision instead of a 24-byte entry in a list that grew to twice the size).
    /// </summary>
    private sealed class Recent(int size)
    {
        private readonly ulong[] _ids = new ulong[size];
        private readonly int[] _desired = new int[size];

        /// <summary>Number of the newest decision (0: none yet).</summary>
        public long Sequence { get; private set; }

        public long Followed { get; set; }

        public void Add(ulong id, int desired)
        {
            var slot = (int)(Sequence++ % _ids.Length);
            (_ids[slot], _desired[slot]) = (id, desired);
        }

        /// <summary>Number of the remembered decision with hash <paramref name="id"/>, or 0.</summary>
        public long Find(ulong id)
        {
            for (var s = Sequence; s >= 1 && s > Sequence - _ids.Length; s--)
            {
                if (_ids[(int)((s - 1) % _ids.Length)] == id) return s;
            }
            return 0;
        }

        public int Desired(long sequence) => _desired[(int)((sequence - 1) % _ids.Length)];
    }
}
