using Pipeline.Runtime.Kafka;

namespace Pipeline.Runtime.Tests.Kafka;

public sealed class BootstrapResolverTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"bootstrap-{Guid.NewGuid():N}");

    public static TheoryData<string?, string?, string?, bool, string, string> Cases => new()
    {
        { "opt:1", "cfg:2", "env:3", true, "opt:1", "--bootstrap" },
        { null, "cfg:2", "env:3", true, "cfg:2", "Kafka__BootstrapServers" },
        { " ", "", "env:3", true, "env:3", BootstrapResolver.EnvironmentVariable },
        { null, null, null, true, "file:4", "file" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolve_SourcesInPriorityOrder_FirstPresentWins(string? option, string? configured, string? env, bool writeFile,
        string expected, string expectedSource)
    {
        if (writeFile) BootstrapFile.Write(_file, "file:4");

        var resolved = BootstrapResolver.Resolve(option, configured, _ => env, _file);

        Assert.Equal(expected, resolved.Servers);
        Assert.Equal(expectedSource == "file" ? _file : expectedSource, resolved.Source);
    }

    [Fact]
    public void Resolve_NothingConfigured_ThrowsNamingEveryWay()
    {
        var e = Assert.Throws<InvalidOperationException>(() => BootstrapResolver.Resolve(null, null, _ => null, _file));

        Assert.Contains("--bootstrap", e.Message);
        Assert.Contains(BootstrapResolver.EnvironmentVariable, e.Message);
        Assert.Contains("pipeline broker", e.Message);
    }

    public void Dispose() => File.Delete(_file);
}
