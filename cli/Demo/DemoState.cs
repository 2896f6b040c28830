using Pipeline.Contracts.Messages;

namespace Pipeline.Cli.Demo;

/// <summary>What the demo has seen on the topics, for the live view and the summary. Thread-safe.</summary>
internal sealed class DemoState
{
    private readonly object _gate = new();
    private readonly List<ScaleDecision> _recentDecisions = [];
    private readonly Dictionary<string, long> _deadLettersByStage = new(StringComparer.Ordinal);
    private readonly List<double> _latenciesMs = [];
    private readonly List<string> _recentDeadLetters = [];

    public FeatureWindow? LatestWindow { get; private set; }
    public long Windows { get; private set; }
    public long ScaleDecisions { get; private set; }
    public long ScaleUps { get; private set; }
    public long ScaleDowns { get; private set; }
    public long RouteDecisions { get; private set; }
    public long Actuations { get; private set; }
    public long DeadLetters { get; private set; }
    public int MaxDesiredReplicas { get; private set; }

    /// <summary>Decisions a forecast drove (not the reactive fallback), and when the first one arrived.</summary>
    public long ForecastDecisions { get; private set; }
    public DateTime? FirstForecastAt { get; private set; }

    /// <summary>Decisions with a shadow answer, and those where the shadow asked for more or fewer replicas.</summary>
    public long ShadowCompared { get; private set; }
    public long ShadowAskedMore { get; private set; }
    public long ShadowAskedFewer { get; private set; }

    /// <summary>When the state was created (the demo's live start, wall clock).</summary>
    public DateTime Began { get; } = DateTime.UtcNow;

    public void OnWindow(FeatureWindow window)
    {
        lock (_gate)
        {
            LatestWindow = window;
            Windows++;
        }
    }

    public void OnScaleDecision(ScaleDecision decision, double latencyMs)
    {
        lock (_gate)
        {
            ScaleDecisions++;
            if (decision.DesiredReplicas > decision.CurrentReplicas) ScaleUps++;
            if (decision.DesiredReplicas < decision.CurrentReplicas) ScaleDowns++;
            MaxDesiredReplicas = Math.Max(MaxDesiredReplicas, decision.DesiredReplicas);
            if (decision.Forecast is not null && decision.Rule != "fallback")
            {
                ForecastDecisions++;
                FirstForecastAt ??= DateTime.UtcNow;
            }
            if (decision.ShadowReplicas is { } shadow)
            {
                ShadowCompared++;
                if (shadow > decision.DesiredReplicas) ShadowAskedMore++;
                if (shadow < decision.DesiredReplicas) ShadowAskedFewer++;
            }
            _recentDecisions.Add(decision);
            if (_recentDecisions.Count > 6) _recentDecisions.RemoveAt(0);
            if (double.IsFinite(latencyMs) && latencyMs >= 0) _latenciesMs.Add(latencyMs);
        }
    }

    public void OnRouteDecision()
    {
        lock (_gate) RouteDecisions++;
    }

    public void OnActuation()
    {
        lock (_gate) Actuations++;
    }

    public void OnDeadLetter(DeadLetter letter)
    {
        lock (_gate)
        {
            DeadLetters++;
            _deadLettersByStage[letter.Stage] = _deadLettersByStage.GetValueOrDefault(letter.Stage) + 1;
            _recentDeadLetters.Add($"{letter.Stage}: {letter.Reason}");
            if (_recentDeadLetters.Count > 3) _recentDeadLetters.RemoveAt(0);
        }
    }

    public IReadOnlyList<ScaleDecision> RecentDecisions
    {
        get { lock (_gate) return [.. _recentDecisions]; }
    }

    public IReadOnlyDictionary<string, long> DeadLettersByStage
    {
        get { lock (_gate) return new Dictionary<string, long>(_deadLettersByStage); }
    }

    public IReadOnlyList<string> RecentDeadLetters
    {
        get { lock (_gate) return [.. _recentDeadLetters]; }
    }

    /// <summary>Decision latencies (sample produced to decision produced), in milliseconds.</summary>
    public IReadOnlyList<double> LatenciesMs
    {
        get { lock (_gate) return [.. _latenciesMs]; }
    }
}
