using Pipeline.Fleet.Local;

namespace Pipeline.Fleet.Tests.Local;

/// <summary>
/// Table-driven: replicas written as <c>id/phase[/flags]</c> (phase starting, ready, draining, stopping; flags r = its
/// /ready answered 200, x = process exited with code 1, old = in this phase for 120 s), start-up timeout 60 s, stop timeout 30 s.
/// </summary>
public sealed class ReconcilePlannerTests
{
    [Theory]
    [InlineData(3, "", "start 3")]
    [InlineData(2, "a/ready b/ready", "")]
    [InlineData(3, "a/ready b/starting", "start 1")]
    [InlineData(2, "a/ready b/starting/r", "register b")]
    [InlineData(1, "a/ready b/ready c/ready", "drain c; drain b")]
    [InlineData(1, "a/ready b/starting c/starting/r", "terminate b; terminate c")]
    [InlineData(2, "a/ready b/starting c/ready", "terminate b")]
    [InlineData(0, "a/ready b/draining", "drain a")]
    [InlineData(2, "a/ready b/draining", "start 1")]
    [InlineData(2, "a/ready b/ready/x", "died b (deregister); start 1")]
    [InlineData(2, "a/ready b/starting/x", "died b; start 1")]
    [InlineData(1, "a/ready b/stopping/x", "forget b")]
    [InlineData(1, "a/ready b/draining/x", "died b (deregister)")]
    [InlineData(2, "a/ready b/starting/old", "kill b (not ready); start 1")]
    [InlineData(2, "a/ready b/starting/r/old", "register b")]
    [InlineData(1, "a/ready b/stopping/old", "kill b (after SIGTERM)")]
    [InlineData(1, "a/ready b/stopping", "")]
    [InlineData(-1, "a/starting", "terminate a")]
    public void Plan_ObservedReplicas_MovesTowardDesired(int desired, string replicas, string expected)
    {
        var actions = ReconcilePlanner.Plan(desired, Parse(replicas), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30));

        Assert.Equal(expected, string.Join("; ", actions.Select(Describe)));
    }

    [Fact]
    public void Plan_ExitedReplica_ReasonNamesTheExitCodeAndPhase()
    {
        var actions = ReconcilePlanner.Plan(1, Parse("a/ready/x"), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30));

        var forget = Assert.IsType<ReconcileAction.Forget>(actions[0]);
        Assert.Equal("process exited unexpectedly with code 1 while ready", forget.Reason);
    }

    private static List<ReplicaView> Parse(string spec) =>
        spec.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((text, i) =>
        {
            var parts = text.Split('/');
            var flags = parts.Skip(2).ToHashSet();
            var exited = flags.Contains("x");
            return new ReplicaView(parts[0], Enum.Parse<ReplicaPhase>(parts[1], ignoreCase: true),
                TimeSpan.FromSeconds(flags.Contains("old") ? 120 : 1), exited, exited ? 1 : null, flags.Contains("r"), i);
        }).ToList();

    private static string Describe(ReconcileAction action) => action switch
    {
        ReconcileAction.Start s => $"start {s.Count}",
        ReconcileAction.Register r => $"register {r.Id}",
        ReconcileAction.Drain d => $"drain {d.Id}",
        ReconcileAction.Terminate t => $"terminate {t.Id}",
        ReconcileAction.Kill k => $"kill {k.Id} ({(k.Reason.StartsWith("not ready", StringComparison.Ordinal) ? "not ready" : "after SIGTERM")})",
        ReconcileAction.Forget { Died: true } f => $"died {f.Id}{(f.Deregister ? " (deregister)" : "")}",
        ReconcileAction.Forget f => $"forget {f.Id}",
        _ => action.ToString(),
    };
}
