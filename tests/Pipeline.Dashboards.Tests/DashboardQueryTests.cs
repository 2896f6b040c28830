using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace Pipeline.Dashboards.Tests;

/// <summary>
/// Runs every panel, annotation and variable query of every dashboard, with the template variables substituted the
/// way Grafana does, against an InfluxDB filled by a pipeline run, and finds data for each.
/// </summary>
public sealed partial class DashboardQueryTests(DemoRunFixture run, ITestOutputHelper log) : IClassFixture<DemoRunFixture>
{
    /// <summary>Targets that may be empty after a demo run, and why; every other target must return rows.</summary>
    private static readonly Dictionary<string, string> MayBeEmpty = new()
    {
        ["autoscaling.json/Demand vs forecast/B"] = "forecast fields exist only while a forecasting policy decides; the demo runs HPA",
        ["pipeline-health.json/Consumer lag/B"] = "message lag per stage is written only where a stage reports it; the sink's time lag (A) is always there",
    };

    public static TheoryData<string> Dashboards => new(DashboardFiles.Load().Select(d => d.Name));

    [Theory]
    [MemberData(nameof(Dashboards))]
    public async Task PanelQueries_AfterDemoRun_EveryPanelFindsData(string name)
    {
        var dashboard = DashboardFiles.Load().Single(d => d.Name == name);
        var services = await ServicesAsync();
        var instances = await VariableValuesAsync("instance");
        var emptyTargets = new List<string>();

        foreach (var panel in dashboard.Panels)
        {
            var title = panel["title"]!.GetValue<string>();
            var rowsInPanel = 0;
            foreach (var target in panel["targets"]!.AsArray())
            {
                var id = $"{name}/{title}/{target!["refId"]!.GetValue<string>()}";
                var query = Substitute(target["query"]!.GetValue<string>(), services, instances);
                var rows = await run.Influx.QueryAsync(query);
                log.WriteLine($"{id}: {rows.Count} rows  <- {query}");
                rowsInPanel += rows.Count;
                if (rows.Count == 0 && !MayBeEmpty.ContainsKey(id)) emptyTargets.Add($"{id}: {query}");
            }
            Assert.True(rowsInPanel > 0, $"panel '{title}' of {name} found no data");
        }

        Assert.True(emptyTargets.Count == 0, "targets without data:\n" + string.Join('\n', emptyTargets) + "\n\ndemo output:\n" + run.DemoOutput);
    }

    [Fact]
    public async Task AnnotationQuery_ScaleDecisions_ReturnsExplanationsAsText()
    {
        var services = await ServicesAsync();
        var (name, query) = DashboardFiles.Load().Single(d => d.Name == "autoscaling.json").AnnotationQueries.Single();

        var rows = await run.Influx.QueryAsync(Substitute(query, services));

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.GetString("text")), $"{name}: empty explanation"));
    }

    [Fact]
    public async Task VariableQueries_EveryDashboard_ListValues()
    {
        foreach (var dashboard in DashboardFiles.Load())
            foreach (var (variable, query) in dashboard.VariableQueries)
                Assert.True((await run.Influx.QueryAsync(query)).Count > 0, $"{dashboard.Name}: variable {variable} lists nothing");
    }

    /// <summary>The values of the <c>service</c> variable, from its own query.</summary>
    private Task<IReadOnlyList<string>> ServicesAsync() => VariableValuesAsync("service");

    /// <summary>The values of the query variable <paramref name="name"/>, from its own query.</summary>
    private async Task<IReadOnlyList<string>> VariableValuesAsync(string name)
    {
        var query = DashboardFiles.Load().SelectMany(d => d.VariableQueries).First(v => v.Name == name).Query;
        return (await run.Influx.QueryAsync(query)).Select(r => r.GetString("value")).ToList();
    }

    /// <summary>
    /// Grafana's substitutions: <c>$timeFilter</c> as an absolute millisecond range (here ±1 h around now, covering the
    /// demo's virtual time, which runs ahead of the wall clock), the multi-value <c>$service</c> and <c>$instance</c> as regex groups,
    /// interval and textbox variables by their defaults.
    /// </summary>
    private static string Substitute(string query, IReadOnlyList<string> services, IReadOnlyList<string>? instances = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var result = query
            .Replace("$timeFilter", $"time >= {now - 3_600_000}ms and time <= {now + 3_600_000}ms", StringComparison.Ordinal)
            .Replace("$service", "(" + string.Join('|', services.Select(Regex.Escape)) + ")", StringComparison.Ordinal)
            .Replace("$instance", "(" + string.Join('|', (instances ?? []).Select(Regex.Escape)) + ")", StringComparison.Ordinal)
            .Replace("$resolution", "10s", StringComparison.Ordinal)
            .Replace("$__interval", "10s", StringComparison.Ordinal)
            .Replace("$slo_ms", "250", StringComparison.Ordinal);
        Assert.DoesNotMatch(LeftoverVariable(), result);
        return result;
    }

    [GeneratedRegex(@"\$\w")]
    private static partial Regex LeftoverVariable();
}
