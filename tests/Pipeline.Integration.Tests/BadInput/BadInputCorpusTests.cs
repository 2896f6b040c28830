using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;
using Pipeline.Integration.Tests.Support;
using Pipeline.TestSupport.Kafka;
using Xunit.Abstractions;

namespace Pipeline.Integration.Tests.BadInput;

/// <summary>
/// The bad-input corpus drill: over 50 kinds of bad input on every stage's input topic, interleaved with a good
/// service's samples, then 10,000 distinct service ids, through the real features, predictor and actuator stages on
/// the embedded broker. Each bad record has exactly one dead letter with its reason (read back with a real consumer),
/// the good windows close with exactly their samples and are decided on, the stages stay healthy, and the
/// dead-letter counters on /metrics count every dead letter.
/// </summary>
public sealed class BadInputCorpusTests(ITestOutputHelper output)
{
    private const int MaxServices = 10_000; // the features stage's default --max-services

    [Fact]
    [Trait("Category", "Drill")]
    public async Task Corpus_EachKindProcessedOrDeadLetteredWithReason_GoodWindowsDecided_StagesHealthy()
    {
        using var broker = KafkaTestBroker.Start();
        var now = DateTimeOffset.UtcNow;
        var t0 = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero).AddMinutes(-2);
        using var deadLetters = new TopicReader(broker.BootstrapServers, TopicNames.DeadLetters);
        using var windows = new TopicReader(broker.BootstrapServers, TopicNames.Features);
        using var decisions = new TopicReader(broker.BootstrapServers, TopicNames.ScaleDecisions);
        var host = CorpusStages.Start(broker, out var port);
        try
        {
            using var feed = new CorpusFeed(broker.BootstrapServers, t0);
            var cases = feed.SendCorpus();
            var expected = cases.Where(c => c.Reason is not null).ToList();
            deadLetters.ReadUntil(r => Letters(r).Count >= expected.Count, TimeSpan.FromSeconds(30));

            var flood = feed.Flood(MaxServices - CorpusFeed.StatefulServices.Length + 1); // 10,001 services in all
            deadLetters.ReadUntil(r => r.Any(x => x.Key is { } k && k.StartsWith("flood-", StringComparison.Ordinal)), TimeSpan.FromSeconds(30));
            windows.ReadUntil(r => r.Count(x => x.Key is CorpusFeed.Good or CorpusFeed.Big) >= 4, TimeSpan.FromSeconds(10));
            decisions.ReadUntil(r => r.Count(x => x.Key is CorpusFeed.Good or CorpusFeed.Big) >= 4, TimeSpan.FromSeconds(10));
            deadLetters.ReadFor(TimeSpan.FromSeconds(2)); // anything more would be an extra dead letter

            var letters = Letters(deadLetters.Records);
            CorpusAssertions.EachCaseAsDeclared(cases, letters);
            var floodLetter = Assert.Single(letters, l => l.Key?.StartsWith("flood-", StringComparison.Ordinal) == true);
            Assert.StartsWith($"limit: {MaxServices} services already have state", floodLetter.Reason);
            Assert.Equal(expected.Count + 1, letters.Count);

            var closed = CorpusAssertions.GoodWindowsComplete(windows.Records, t0);
            Assert.True(decisions.Records.Count(x => x.Key is CorpusFeed.Good or CorpusFeed.Big) >= 4, "the good windows were not all decided on");
            await CorpusAssertions.HealthyAndCountedAsync(port, letters.Count);

            var summary = $"bad-input corpus: {cases.Select(c => c.Kind).Distinct().Count() + 1} kinds ({expected.Count + 1} dead-lettered, "
                + $"{cases.Count(c => c.Reason is null)} processed), {feed.Records} records ({flood.Count + CorpusFeed.StatefulServices.Length} service ids with samples, cap {MaxServices}), "
                + $"{letters.Count} dead letters, {closed} windows of the good services, {decisions.Records.Count} scale decisions";
            output.WriteLine(summary);
            Console.WriteLine(summary);
        }
        finally
        {
            await StageHostBuilder.StopAndDisposeAsync(host);
        }
    }

    private static List<DeadLetter> Letters(IReadOnlyList<ReadRecord> records) => records.Select(r => r.As<DeadLetter>()).ToList();
}
