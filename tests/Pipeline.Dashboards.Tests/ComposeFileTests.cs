using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace Pipeline.Dashboards.Tests;

/// <summary>docker-compose.yml is valid for Debian's docker-compose 1.29 and names only paths that exist.</summary>
public sealed partial class ComposeFileTests
{
    [Fact]
    public void Config_DockerCompose_ValidatesQuietly()
    {
        var result = ComposeSecurity.Config(ComposeSecurity.Secrets);

        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public void ComposeFile_NoKeysComposeV1Rejects_TopLevelNameAndStartIntervalAbsent()
    {
        var compose = ComposeModel.Load();

        Assert.Null(compose["name"]);
        Assert.All(ComposeModel.Services(compose), s => Assert.Null(s.Service["healthcheck"]?["start_interval"]));
    }

    [Fact]
    public void ComposeFile_EveryBuildContextDockerfileAndBindMount_Exists()
    {
        var missing = new List<string>();
        foreach (var (name, service) in ComposeModel.Services(ComposeModel.Load()))
        {
            if (service["build"] is JsonObject build)
            {
                var context = RepoPaths.Combine(build["context"]!.GetValue<string>());
                if (!Directory.Exists(context)) missing.Add($"{name}: build context {context}");
                var dockerfile = Path.Combine(context, build["dockerfile"]?.GetValue<string>() ?? "Dockerfile");
                if (!File.Exists(dockerfile)) missing.Add($"{name}: dockerfile {dockerfile}");
            }
            foreach (var (host, _) in ComposeModel.BindMounts(service))
                if (!Path.Exists(RepoPaths.Combine(host))) missing.Add($"{name}: bind mount {host}");
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void Dockerfile_EveryCopySource_ExistsAndIsNotDockerIgnored()
    {
        var ignored = File.ReadAllLines(RepoPaths.Combine(".dockerignore"))
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("**", StringComparison.Ordinal))
            .Select(l => l.TrimEnd('/'))
            .ToHashSet(StringComparer.Ordinal);
        var sources = File.ReadAllLines(RepoPaths.Combine("Dockerfile"))
            .Select(l => CopyRegex().Match(l))
            .Where(m => m.Success)
            .SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
            .ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.True(Path.Exists(RepoPaths.Combine(s)), $"Dockerfile copies {s}, which does not exist"));
        Assert.All(sources, s => Assert.DoesNotContain(s.TrimEnd('/').Split('/')[0], ignored));
    }

    [Fact]
    public void Grafana_ProvisioningAndDashboardMounts_PointAtExistingFiles()
    {
        var grafana = ComposeModel.Services(ComposeModel.Load()).Single(s => s.Name == "grafana").Service;
        var mounts = ComposeModel.BindMounts(grafana).ToDictionary(m => m.Container, m => m.Host);

        var provisioning = RepoPaths.Combine(mounts["/etc/grafana/provisioning"]);
        Assert.True(File.Exists(Path.Combine(provisioning, "datasources", "influxdb.yaml")));
        var provider = File.ReadAllText(Path.Combine(provisioning, "dashboards", "pipeline.yaml"));
        var providerPath = ProviderPathRegex().Match(provider).Groups[1].Value;
        Assert.True(mounts.ContainsKey(providerPath), $"dashboard provider path {providerPath} is not a bind mount of the grafana service");
        var dashboards = Directory.GetFiles(RepoPaths.Combine(mounts[providerPath]), "*.json").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["autoscaling.json", "load-balancing.json", "pipeline-health.json"], dashboards);
        var home = grafana["environment"]!["GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"]!.GetValue<string>();
        Assert.StartsWith(providerPath + "/", home);
        Assert.Contains(Path.GetFileName(home), dashboards);
    }

    [Fact]
    public void Dashboards_EveryPanelDatasource_IsTheProvisionedUid()
    {
        var datasource = File.ReadAllText(RepoPaths.Combine("dashboards", "provisioning", "datasources", "influxdb.yaml"));
        var uid = UidRegex().Match(datasource).Groups[1].Value;

        foreach (var dashboard in DashboardFiles.Load())
            foreach (var panel in dashboard.Panels)
                Assert.Equal(uid, panel["datasource"]!["uid"]!.GetValue<string>());
    }

    [Fact]
    public void Stages_EveryComposeCommandAndOption_KnownToPipelineCli()
    {
        foreach (var (name, service) in ComposeModel.Services(ComposeModel.Load()))
        {
            if (service["image"]?.GetValue<string>() != "pipeline:local") continue;
            var command = service["command"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
            var result = ExternalTool.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "pipeline.dll"), .. command, "--help"],
                AppContext.BaseDirectory, TimeSpan.FromMinutes(1));

            Assert.True(result.ExitCode == 0 && result.Output.Contains($"pipeline {command[0]} [options]", StringComparison.Ordinal),
                $"{name}: 'pipeline {command[0]}' is not a command:\n{result.Output}");
            foreach (var option in command.Where(c => c.StartsWith("--", StringComparison.Ordinal)))
                Assert.True(result.Output.Contains(option + " ", StringComparison.Ordinal), $"{name}: pipeline {command[0]} has no option {option}");
        }
    }

    [GeneratedRegex(@"^COPY\s+(?!--from)(.+)$")]
    private static partial Regex CopyRegex();

    [GeneratedRegex(@"path:\s*(\S+)")]
    private static partial Regex ProviderPathRegex();

    [GeneratedRegex(@"uid:\s*(\S+)")]
    private static partial Regex UidRegex();
}
