using System.Net;
using System.Text;
using Pipeline.Contracts.Messages;
using Pipeline.Integration.Tests.Support;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Integration.Tests.BadInput;

/// <summary>The corpus drill's checks, each naming what failed.</summary>
internal static class CorpusAssertions
{
    /// <summary>Each dead-lettered case has exactly one dead letter containing its reason; each processed case none.</summary>
    public static void EachCaseAsDeclared(IReadOnlyList<BadInputCase> cases, IReadOnlyList<DeadLetter> letters)
    {
        Assert.Equal(cases.Count, cases.Select(c => (c.Topic, Convert.ToBase64String(c.Value))).Distinct().Count());
        var wrong = new List<string>();
        foreach (var c in cases)
        {
            var mine = DeadLetterMatch.Of(c, letters);
            if (c.Reason is null && mine.Count > 0) wrong.Add($"{c}: processed expected, dead-lettered '{mine[0].Reason}'");
            else if (c.Reason is not null && mine.Count != 1) wrong.Add($"{c}: {mine.Count} dead letters ({string.Join(" | ", mine.Select(l => l.Reason))}), 1 expected");
            else if (c.Reason is not null && !mine[0].Reason.Contains(c.Reason, StringComparison.OrdinalIgnoreCase))
                wrong.Add($"{c}: reason '{mine[0].Reason}' lacks '{c.Reason}'");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>
    /// The good service's windows [0, 15 s) and [15 s, 30 s) hold exactly its 30 and 28 samples (a sample stamped t covers
    /// the second before t, so the one at 15 s counts in the first), and the big service's
    /// window exactly 1,000 replicas; returns how many windows of those services closed.
    /// </summary>
    public static int GoodWindowsComplete(IReadOnlyList<ReadRecord> records, DateTimeOffset t0)
    {
        var mine = records.Where(r => r.Key is CorpusFeed.Good or CorpusFeed.Big).Select(r => r.As<FeatureWindow>()).ToList();
        int Samples(string service, int startSecond) =>
            mine.Where(w => w.Service == service && w.WindowStart == t0.AddSeconds(startSecond)).Select(w => w.SampleCount).DefaultIfEmpty(-1).Single();
        Assert.Equal(30, Samples(CorpusFeed.Good, 0));
        Assert.Equal(28, Samples(CorpusFeed.Good, 15));
        Assert.Equal(1_000, mine.Single(w => w.Service == CorpusFeed.Big && w.WindowStart == t0).Replicas);
        return mine.Count;
    }

    /// <summary>/healthz answers 200 and /metrics counts <paramref name="deadLetters"/> dead letters over the stages.</summary>
    public static async Task HealthyAndCountedAsync(int port, int deadLetters)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var page = "";
        var counted = await Eventually.HoldsAsync(async () =>
        {
            page = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
            return DeadLetterMatch.CountedOnMetrics(page) == deadLetters;
        }, TimeSpan.FromSeconds(10));
        Assert.True(counted, $"/metrics counts {DeadLetterMatch.CountedOnMetrics(page)} dead letters, {deadLetters} read:\n{Reasons(page)}");
        using var health = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
        Assert.True(health.StatusCode == HttpStatusCode.OK, await health.Content.ReadAsStringAsync());
    }

    private static string Reasons(string page) =>
        new StringBuilder().AppendJoin('\n', page.Split('\n').Where(l => l.StartsWith("pipeline_stage_dead_letter", StringComparison.Ordinal))).ToString();
}
