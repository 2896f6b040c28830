namespace Pipeline.Runtime.Kafka;

/// <summary>Where a bootstrap address came from, for start-up logs.</summary>
public sealed record ResolvedBootstrap(string Servers, string Source);

/// <summary>
/// Resolves the broker address in a fixed order: the <c>--bootstrap</c> option, the <c>Kafka__BootstrapServers</c>
/// configuration value, the <c>KAFKA_BOOTSTRAP_SERVERS</c> environment variable, then the bootstrap file written by
/// <c>pipeline broker</c>.
/// </summary>
public static class BootstrapResolver
{
    /// <summary>The conventional environment variable of Kafka tooling.</summary>
    public const string EnvironmentVariable = "KAFKA_BOOTSTRAP_SERVERS";

    /// <summary>Resolves from explicit values; <paramref name="environment"/> reads an environment variable.</summary>
    public static ResolvedBootstrap Resolve(string? option, string? configured, Func<string, string?> environment, string bootstrapFile)
    {
        if (!string.IsNullOrWhiteSpace(option)) return new(option.Trim(), "--bootstrap");
        if (!string.IsNullOrWhiteSpace(configured)) return new(configured.Trim(), "Kafka__BootstrapServers");
        if (environment(EnvironmentVariable) is { Length: > 0 } env && !string.IsNullOrWhiteSpace(env))
            return new(env.Trim(), EnvironmentVariable);
        if (BootstrapFile.TryRead(bootstrapFile) is { } fromFile) return new(fromFile, bootstrapFile);
        throw new InvalidOperationException(
            $"No Kafka bootstrap address: pass --bootstrap, set Kafka__BootstrapServers or {EnvironmentVariable}, " +
            $"or start `pipeline broker`, which writes {bootstrapFile}.");
    }

    /// <summary>Resolves using the process environment (<c>Kafka__BootstrapServers</c> included).</summary>
    public static ResolvedBootstrap Resolve(string? option, string? bootstrapFile = null) =>
        Resolve(option, Environment.GetEnvironmentVariable("Kafka__BootstrapServers"), Environment.GetEnvironmentVariable,
            bootstrapFile ?? BootstrapFile.DefaultPath);
}
