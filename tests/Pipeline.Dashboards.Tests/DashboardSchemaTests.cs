using System.Text.Json.Nodes;
using Xunit;

namespace Pipeline.Dashboards.Tests;

/// <summary>Every dashboard validates against the JSON Schema generated offline from <c>@grafana/schema</c> (dashboards/schema/validate.mjs).</summary>
public sealed class DashboardSchemaTests
{
    private static readonly string SchemaDir = RepoPaths.Combine("dashboards", "schema");

    private static ExternalTool.Result Validate(params string[] paths)
    {
        Assert.True(Directory.Exists(Path.Combine(SchemaDir, "node_modules", "@grafana", "schema")),
            "dashboards/schema/node_modules is missing: run bash scripts/install-deps.sh (npm ci in dashboards/schema).");
        return ExternalTool.Run("node", ["validate.mjs", .. paths], SchemaDir, TimeSpan.FromMinutes(2));
    }

    [Fact]
    public void Validate_EveryDashboard_MatchesGrafanaSchema()
    {
        var result = Validate(RepoPaths.DashboardJsonDir);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("3 valid, 0 invalid", result.Output);
    }

    [Fact]
    public void Validate_DashboardWithWrongTypes_Rejected()
    {
        var dashboard = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.DashboardJsonDir, "autoscaling.json")))!;
        dashboard["panels"]![0]!["gridPos"]!["w"] = "wide";
        dashboard["refresh"] = 10;
        var path = Path.Combine(Path.GetTempPath(), $"broken-dashboard-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, dashboard.ToJsonString());
        try
        {
            var result = Validate(path);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("/panels/0/gridPos/w", result.Output);
            Assert.Contains("/refresh", result.Output);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
