using Pipeline.Actuator.Targets;
using Pipeline.Fleet.Load;
using Pipeline.Fleet.Local;
using Pipeline.Fleet.Tests.Support;
using Xunit.Abstractions;

namespace Pipeline.Fleet.Tests.Local;

/// <summary>The local target with real replicas behind a real <c>pipeline proxy</c>.</summary>
public sealed class LocalTargetProxyTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Apply_ScaleAndWeights_ProxyListsReadyReplicasWithTheirWeights()
    {
        using var proxy = ProxyProcess.Start();
        await using var target = LocalTargetTests.Create(proxy: proxy.BaseUrl);
        using var admin = new ProxyAdminClient(proxy.BaseUrl, TimeSpan.FromSeconds(5));

        target.Apply(LocalTargetTests.Scale(2));
        Assert.True(await target.WaitForAsync(s => s.Ready == 2, Wait), LocalTargetTests.Describe(target));
        var ready = target.ReadyReplicas;
        var outcome = target.Apply(new ActuationCommand { DecisionId = "w", Service = "web", Weights = new Dictionary<string, double> { ["web-1"] = 3, ["web-2"] = 1 } });
        Assert.True(await LocalTargetTests.Eventually(() => admin.ListAsync(CancellationToken.None).Result.Sum(d => d.Weight) == 4, TimeSpan.FromSeconds(10)),
            proxy.Output);
        var listed = await admin.ListAsync(CancellationToken.None);

        Assert.True(outcome.Effective, outcome.Message);
        Assert.Equal(ready.Keys.Order(), listed.Select(d => d.Id).Order());
        Assert.All(listed, d => Assert.Equal(ready[d.Id].GetLeftPart(UriPartial.Authority), d.Address));
        Assert.Equal(3, listed.Single(d => d.Id == "web-1").Weight);
        Assert.Equal(1, listed.Single(d => d.Id == "web-2").Weight);
    }

    [Fact]
    public async Task Apply_ScaleDownUnderLoad_DrainedThroughTheProxyWithoutErrors()
    {
        using var proxy = ProxyProcess.Start();
        await using var target = LocalTargetTests.Create(new LocalReplicaSettings { Workers = 4, ServiceMeanMs = 50, StartupDelay = TimeSpan.Zero }, proxy: proxy.BaseUrl);
        target.Apply(LocalTargetTests.Scale(3));
        Assert.True(await target.WaitForAsync(s => s.Ready == 3, Wait), LocalTargetTests.Describe(target));

        var load = new LoadGenerator(new LoadOptions
        {
            Url = new Uri(proxy.BaseUrl, "/work"),
            Rate = RateProfile.Constant(40),
            Duration = TimeSpan.FromSeconds(5),
        }).RunAsync();
        await Task.Delay(1500);
        target.Apply(LocalTargetTests.Scale(1));
        var result = await load;

        Assert.True(await target.WaitForAsync(s => s is { Ready: 1, Running: 1 }, Wait), LocalTargetTests.Describe(target));
        output.WriteLine(string.Join("\n", LoadReport.Lines(result)) + "\n" + LocalTargetTests.Describe(target));
        Assert.True(result.Sent > 100);
        Assert.Equal(0, result.Errors);
        Assert.Equal(2, target.Events.Count(e => e.Kind == ReplicaEventKind.Drained && e.Reason == "its proxied requests finished"));
        Assert.Equal(2, target.Events.Count(e => e.Kind == ReplicaEventKind.Stopped));
        using var admin = new ProxyAdminClient(proxy.BaseUrl, TimeSpan.FromSeconds(5));
        Assert.Single(await admin.ListAsync(CancellationToken.None));
    }
}
