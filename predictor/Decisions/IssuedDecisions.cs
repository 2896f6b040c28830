using Pipeline.Contracts.Messages;

namespace Pipeline.Predictor.Decisions;

/// <summary>
/// The most recent scale decisions a <see cref="DecisionStep"/> issued per service, so it follows an actuation result
/// only for one of them: a result naming a decision id it never issued (or one issued too long ago), a second result for
/// a decision already followed, a result for a decision older than one already followed, or a replica count outside
/// [0, the larger of the step's maximum and the decision's desired count] is refused. This stops forged results that do
/// not know a recent decision id; one that copies a real id from the decisions topic can still set a count within those
/// bounds, once, for that decision. Who may write the actuations topic is the broker's to enforce (Kafka ACLs).
/// Ids are kept as 64-bit FNV-1a hashes (about 0.8 KB per service instead of 5.5 KB of strings): an id crafted to
/// collide with a recent one gains no more than copying that id.
/// </summary>
internal sealed class IssuedDecisions(int perService = IssuedDecisions.DefaultPerService)
{
    /// <summary>Decisions remembered per service: 32 windows (8 minutes of 15 s windows) for the result to come back.</summary>
    public const int DefaultPerService = 32;

    private readonly Dictionary<string, Recent> _byService = new(StringComparer.Ordinal);

    /// <summary>Remembers <paramref name="decision"/> as issued (a repeat of the same id is kept once).</summary>
    public void Issued(ScaleDecision decision)
    {
        if (!_byService.TryGetValue(decision.Service, out var recent)) _byService[decision.Service] = recent = new Recent();
        var id = Hash(decision.Id);
        if (recent.Entries.Exists(e => e.Id == id)) return;
        recent.Entries.Add(new Entry(id, decision.DesiredReplicas, ++recent.Sequence));
        if (recent.Entries.Count > perService) recent.Entries.RemoveAt(0);
    }

    /// <summary>Null when <paramref name="result"/> may be followed (and marks its decision followed), else why not.</summary>
    public string? Refusal(ActuationResult result, int maxReplicas)
    {
        var id = Hash(result.DecisionId);
        var at = _byService.TryGetValue(result.Service, out var recent) ? recent.Entries.FindIndex(e => e.Id == id) : -1;
        if (recent is null || at < 0)
            return $"decision {result.DecisionId} was not issued by this predictor for {result.Service} (or too long ago)";
        var entry = recent.Entries[at];
        if (entry.Sequence <= recent.Followed)
            return $"decision {result.DecisionId} is not newer than the last decision followed for {result.Service}";
        var max = Math.Max(maxReplicas, entry.Desired);
        if (result.AppliedReplicas < 0 || result.AppliedReplicas > max)
            return $"appliedReplicas {result.AppliedReplicas} is outside [0, {max}]";
        recent.Followed = entry.Sequence;
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

    private readonly record struct Entry(ulong Id, int Desired, long Sequence);

    private sealed class Recent
    {
        public List<Entry> Entries { get; } = [];
        public long Sequence { get; set; }
        public long Followed { get; set; }
    }
}
