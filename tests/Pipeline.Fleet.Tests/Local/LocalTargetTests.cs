using System.Net.Sockets;
using Xunit.Abstractions;
using Pipeline.Actuator.Targets;
using Pipeline.Fleet.Local;
using Pipeline.Fleet.Tests.Support;

namespace Pipeline.Fleet.Tests.Local;

/// <summary>The local target driving real <c>pipeline replica</c> processes (no proxy).</summary>
public sealed class LocalTargetTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Apply_ScaleUpThenDown_ReplicasStartTurnReadyAndTheSurplusIsStopped()
    {
        await using var target = Create();

        var outcome = target.Apply(Scale(2));
        Assert.True(outcome.Effective);
        Assert.Equal((0, 2), (outcome.PreviousReplicas, outcome.AppliedReplicas));
        Assert.True(await target.WaitForAsync(s => s.Ready == 2, Wait), Describe(target));
        foreach (var address in target.ReadyReplicas.Values)
        {
            using var http = new HttpClient();
            using var response = await http.GetAsync(new Uri(address, "/work"));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        target.Apply(Scale(1));
        Assert.True(await target.WaitForAsync(s => s is { Ready: 1, Running: 1 }, Wait), Describe(target));
        var events = target.Events;
        Assert.Equal(2, events.Count(e => e.Kind == ReplicaEventKind.Started));
        Assert.Equal(2, events.Count(e => e.Kind == ReplicaEventKind.Ready));
        var stopped = Assert.Single(events, e => e.Kind == ReplicaEventKind.Stopped);
        Assert.Contains("exited with code 0 after being stopped", stopped.Reason);
        Assert.Contains(events, e => e.Kind == ReplicaEventKind.Drained && e.ReplicaId == stopped.ReplicaId);
    }

    [Fact]
    public async Task Reconcile_ReplicaDies_NoticedAndReplaced()
    {
        await using var target = Create();
        target.Apply(Scale(1));
        Assert.True(await target.WaitForAsync(s => s.Ready == 1, Wait), Describe(target));
        var (id, address) = target.ReadyReplicas.Single();

        var faulted = DateTimeOffset.UtcNow;
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) })
        {
            try
            {
                await http.PostAsync(new Uri(address, "/fault?kind=die"), null);
            }
            catch (HttpRequestException)
            {
                // It may die before it answers.
            }
        }

        Assert.True(await Eventually(() => target.Events.Any(e => e.Kind == ReplicaEventKind.Died && e.ReplicaId == id), TimeSpan.FromSeconds(5)),
            Describe(target));
        Assert.True(await target.WaitForAsync(s => s is { Ready: 1, Running: 1 }, Wait), Describe(target));
        Assert.DoesNotContain(id, target.ReadyReplicas.Keys);
        var died = target.Events.Single(e => e.Kind == ReplicaEventKind.Died);
        Assert.Contains("exited unexpectedly", died.Reason);
        output.WriteLine($"death noticed {(died.Time - faulted).TotalMilliseconds:0} ms after the fault request\n{Describe(target)}");
    }

    [Fact]
    public async Task Reconcile_NeverReadyWithinStartupTimeout_KilledWithReasonAndReplaced()
    {
        await using var target = Create(new LocalReplicaSettings { StartupDelay = TimeSpan.FromMinutes(5) }, startupTimeout: TimeSpan.FromSeconds(3));

        target.Apply(Scale(1));

        Assert.True(await Eventually(() => target.Events.Count(e => e.Kind == ReplicaEventKind.Started) >= 2, Wait), Describe(target));
        var killed = target.Events.First(e => e.Kind == ReplicaEventKind.Killed);
        Assert.Contains("not ready within the start-up timeout of 3 s", killed.Reason);
        Assert.Equal(0, target.Status.Ready);
    }

    [Fact]
    public async Task DisposeAsync_ReplicasRunning_EveryReplicaProcessIsGone()
    {
        var target = Create();
        target.Apply(Scale(2));
        Assert.True(await target.WaitForAsync(s => s.Ready == 2, Wait), Describe(target));
        var addresses = target.ReadyReplicas.Values.ToList();

        await target.DisposeAsync();

        Assert.Equal(0, target.Status.Running);
        foreach (var address in addresses)
        {
            using var client = new TcpClient();
            await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(address.Host, address.Port));
        }
    }

    [Fact]
    public async Task Reconcile_ProxyUnreachable_ReadyReplicaNotCountedReadyAndFailureReported()
    {
        await using var target = Create(proxy: new Uri($"http://127.0.0.1:{FreeTcpPort.Next()}"));

        target.Apply(Scale(1));

        Assert.True(await Eventually(() => target.Events.Any(e => e.Kind == ReplicaEventKind.Failed), Wait), Describe(target));
        var failed = target.Events.First(e => e.Kind == ReplicaEventKind.Failed);
        Assert.Contains("registering http://127.0.0.1:", failed.Reason);
        Assert.Contains("with the proxy failed (1x)", failed.Reason);
        Assert.Equal(0, target.Status.Ready);
        Assert.Equal(1, target.Status.Starting);
    }

    [Fact]
    public void Apply_OtherService_IgnoredWithoutStartingAnything()
    {
        using var target = LocalTargetFactory.Create(new LocalTargetOptions { PipelineDll = typeof(LocalTargetTests).Assembly.Location });

        var outcome = target.Apply(new ActuationCommand { DecisionId = "d", Service = "api", DesiredReplicas = 3 });

        Assert.False(outcome.Effective);
        Assert.Contains("not api", outcome.Message);
        Assert.Equal(0, target.Status.Desired);
    }

    [Fact]
    public void Create_ReplicaProgramMissing_ThrowsNamingIt()
    {
        var e = Assert.Throws<FileNotFoundException>(() => LocalTargetFactory.Create(new LocalTargetOptions { PipelineDll = "/nonexistent/pipeline.dll" }));

        Assert.Contains("/nonexistent/pipeline.dll", e.Message);
    }

    internal static ILocalTarget Create(LocalReplicaSettings? replica = null, TimeSpan? startupTimeout = null, Uri? proxy = null) =>
        LocalTargetFactory.Create(new LocalTargetOptions
        {
            PipelineDll = FleetProgram.Dll,
            ProxyAdmin = proxy,
            Replica = replica ?? new LocalReplicaSettings { Workers = 2, ServiceMeanMs = 5, StartupDelay = TimeSpan.FromMilliseconds(300) },
            StartupTimeout = startupTimeout ?? TimeSpan.FromSeconds(45),
            StopTimeout = TimeSpan.FromSeconds(10),
            DrainTimeout = TimeSpan.FromSeconds(10),
        });

    internal static ActuationCommand Scale(int replicas) => new() { DecisionId = Guid.NewGuid().ToString("N"), Service = "web", DesiredReplicas = replicas };

    internal static string Describe(ILocalTarget target) =>
        $"{target.Status}\n" + string.Join("\n", target.Events.Select(e => $"{e.Time:HH:mm:ss.fff} {e.ReplicaId} {e.Kind}: {e.Reason}"));

    internal static async Task<bool> Eventually(Func<bool> condition, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!condition())
        {
            if (cts.IsCancellationRequested) return false;
            await Task.Delay(50, CancellationToken.None);
        }
        return true;
    }
}
