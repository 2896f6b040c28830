using Microsoft.Extensions.DependencyInjection;
using Pipeline.Cli.Hosting;
using Pipeline.Features.Service;
using Pipeline.Features.Streamiz;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;
using Pipeline.Integration.Tests.Support;
using Pipeline.TestSupport.Influx;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Integration.Tests.EndToEnd;

/// <summary>
/// The whole loop on real Kafka clients in one process: the simulated cluster's surge becomes samples, windows, an HPA
/// scale-up, an applied actuation and more ready replicas, and all of it lands in a real InfluxDB.
/// </summary>
public sealed class SurgeEndToEndTests(InfluxServer influx) : IClassFixture<InfluxServer>
{
    private const double SpeedUp = 10;

    [Theory]
    [InlineData(FeaturesEngines.Loop)]
    [InlineData(FeaturesEngines.Streamiz)]
    public async Task Surge_FlowsThroughEveryStage_ReplicasGrowAndPointsInInflux(string engine)
    {
        using var broker = KafkaTestBroker.Start();
        var kafka = broker.Options();
        // Virtual time starts in the past so every point is before now() for InfluxQL.
        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()) - TimeSpan.FromMinutes(30);
        var time = new ScaledTimeProvider(start, SpeedUp);
        var cluster = SimulationSetup.Create(start, tracePath: null, seed: 7);
        var initial = cluster.Counts(SimulationSetup.Service).Desired;
        using var actuations = new TopicReader(broker.BootstrapServers, TopicNames.Actuations);
        var host = StageHostBuilder.Build(s => s
            .AddSingleton(new FeaturesEngineChoice(engine))
            .AddSingleton(new StreamizOptions { StateDir = Path.Combine(Path.GetTempPath(), "pipeline-test-streamiz") })
            .AddInProcessPipeline(kafka, cluster, time, new StageCounters(), SpeedUp, influx.Url.ToString(), influx.Database));
        await host.StartAsync();
        try
        {
            var grew = await Eventually.HoldsAsync(() =>
            {
                lock (cluster) return cluster.Counts(SimulationSetup.Service).Ready > initial;
            }, TimeSpan.FromSeconds(90));
            Assert.True(grew, $"ready replicas stayed at {initial}");
        }
        finally
        {
            await StageHostBuilder.StopAndDisposeAsync(host);
        }

        Assert.True(actuations.ReadUntil(r => r.Any(x => IsAppliedScaleUp(x.As<ActuationResult>(), initial)), TimeSpan.FromSeconds(10)),
            "no applied scale-up actuation on the actuations topic");
        using var decisions = new TopicReader(broker.BootstrapServers, TopicNames.ScaleDecisions);
        // The default pipeline: the predictive policy acts (on its reactive fallback here, no history yet), hpa is its shadow.
        Assert.True(decisions.ReadUntil(r => r.Any(x => x.As<ScaleDecision>() is { Policy: "predictive", ShadowPolicy: "hpa" } d && d.DesiredReplicas > d.CurrentReplicas),
            TimeSpan.FromSeconds(10)), "no predictive scale-up decision with an hpa shadow");

        Assert.True(await Eventually.HoldsAsync(async () =>
            (await influx.QueryAsync("SELECT max(\"desired_replicas\") FROM \"scale_decision\" WHERE \"service\" = 'web'")) is [var row] && row.GetDouble("max") > initial,
            TimeSpan.FromSeconds(15)), "scale_decision points with desired_replicas above the initial count not found in InfluxDB");
        var applied = await influx.QueryAsync("SELECT max(\"applied_replicas\") FROM \"actuation\" WHERE \"status\" = 'applied'");
        Assert.True(applied.Single().GetDouble("max") > initial);
        var samples = await influx.QueryAsync("SELECT count(\"requests\") FROM \"metric_sample\" WHERE \"service\" = 'web'");
        Assert.True(samples.Single().GetLong("count") > 100);
        var windows = await influx.QueryAsync("SELECT max(\"replicas\") FROM \"feature_window\" WHERE \"service\" = 'web'");
        Assert.True(windows.Single().GetDouble("max") > initial, "feature windows never saw the added replicas report");
    }

    private static bool IsAppliedScaleUp(ActuationResult a, int initial) =>
        a is { Kind: "scale", Status: ActuationStatuses.Applied } && a.AppliedReplicas > initial;
}
