using System.Text.Json.Nodes;
using Xunit;

namespace Pipeline.Dashboards.Tests;

/// <summary>docker-compose.yml publishes on loopback only, has no default passwords, and runs InfluxDB with authentication.</summary>
public sealed class ComposeSecurityTests
{
    [Fact]
    public void Ports_EveryPublishedPort_BoundTo127001()
    {
        var published = ComposeModel.Services(ComposeModel.Load())
            .SelectMany(s => (s.Service["ports"] as JsonArray ?? []).Select(p => (s.Name, Port: p!.GetValue<string>())))
            .ToList();

        Assert.Equal(["grafana", "influxdb", "kafka"], published.Select(p => p.Name).Distinct().Order());
        Assert.All(published, p => Assert.True(p.Port.StartsWith("127.0.0.1:", StringComparison.Ordinal), $"{p.Name} publishes {p.Port} on every interface"));
    }

    [Theory]
    [InlineData("GRAFANA_ADMIN_PASSWORD")]
    [InlineData("INFLUXDB_ADMIN_PASSWORD")]
    [InlineData("INFLUX_WRITE_PASSWORD")]
    [InlineData("INFLUX_READ_PASSWORD")]
    public void Config_WithoutOneSecret_FailsNamingIt(string missing)
    {
        var secrets = ComposeSecurity.Secrets.Where(s => s.Key != missing).ToDictionary();

        var result = ComposeSecurity.Config(secrets);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"set {missing}", result.Output);
    }

    [Fact]
    public void Config_WithSecrets_GrafanaAndInfluxTakeThem_InfluxAuthOn()
    {
        var result = ComposeSecurity.Config(ComposeSecurity.Secrets, print: true);

        Assert.True(result.ExitCode == 0, result.Output);
        var compose = JsonNode.Parse(ExternalTool.Run("python3", ["-c", "import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)"],
            RepoPaths.Root, TimeSpan.FromSeconds(60), stdin: result.Output).Output)!.AsObject();
        var services = ComposeModel.Services(compose).ToDictionary(s => s.Name, s => s.Service["environment"]!.AsObject());
        Assert.Equal("test-grafana-pw", services["grafana"]["GF_SECURITY_ADMIN_PASSWORD"]!.GetValue<string>());
        Assert.Equal("true", services["influxdb"]["INFLUXDB_HTTP_AUTH_ENABLED"]!.GetValue<string>());
        Assert.Equal("test-influx-write-pw", services["influxdb"]["INFLUXDB_WRITE_USER_PASSWORD"]!.GetValue<string>());
        Assert.Equal((services["influxdb"]["INFLUXDB_WRITE_USER"]!.GetValue<string>(), "test-influx-write-pw"),
            (services["sink"]["INFLUX_USERNAME"]!.GetValue<string>(), services["sink"]["INFLUX_PASSWORD"]!.GetValue<string>()));
        Assert.Equal(services["influxdb"]["INFLUXDB_READ_USER"]!.GetValue<string>(), services["grafana"]["INFLUX_READ_USER"]!.GetValue<string>());
    }

    [Fact]
    public void GrafanaDatasource_UsesTheReadOnlyUserFromTheEnvironment()
    {
        var datasource = File.ReadAllText(RepoPaths.Combine("dashboards", "provisioning", "datasources", "influxdb.yaml"));

        Assert.Contains("user: ${INFLUX_READ_USER}", datasource);
        Assert.Contains("password: ${INFLUX_READ_PASSWORD}", datasource);
    }
}
