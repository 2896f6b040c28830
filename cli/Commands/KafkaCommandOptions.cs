using System.CommandLine;
using Pipeline.Runtime.Kafka;

namespace Pipeline.Cli.Commands;

/// <summary>The <c>--bootstrap</c>, <c>--bootstrap-file</c>, <c>--group-prefix</c> and <c>--kafka-config</c> options every Kafka command shares.</summary>
internal sealed class KafkaCommandOptions
{
    public Option<string?> Bootstrap { get; } = new("--bootstrap")
    {
        Description = "Kafka bootstrap servers (else Kafka__BootstrapServers, KAFKA_BOOTSTRAP_SERVERS, then the bootstrap file).",
    };

    public Option<string> BootstrapFilePath { get; } = new("--bootstrap-file")
    {
        Description = "File `pipeline broker` writes its address to ($PIPELINE_BOOTSTRAP_FILE, default .pipeline/bootstrap).",
        DefaultValueFactory = _ => BootstrapFile.DefaultPath,
    };

    public Option<string> GroupPrefix { get; } = new("--group-prefix")
    {
        Description = "Prefix of the stage's consumer group id ({prefix}.{stage}).",
        DefaultValueFactory = _ => "pipeline",
    };

    /// <summary>Environment variable naming the client properties file when <c>--kafka-config</c> is absent.</summary>
    public const string ConfigVariable = "PIPELINE_KAFKA_CONFIG";

    public Option<string?> ConfigFile { get; } = new("--kafka-config")
    {
        Description = $"File of librdkafka properties (key=value lines: security.protocol, sasl.*, ssl.*) for every Kafka client (else ${ConfigVariable}). Values are never logged.",
    };

    public Option<int> MaxMessageBytes { get; } = new("--max-message-bytes")
    {
        Description = "Largest record accepted on pipeline.metrics (outside producers); bigger ones are dead-lettered.",
        DefaultValueFactory = _ => new KafkaOptions().MaxMessageBytes,
    };

    public Option<int> MaxStageMessageBytes { get; } = new("--max-stage-message-bytes")
    {
        Description = "Largest record on the topics stages write (windows, decisions); a bigger output is dead-lettered, not published.",
        DefaultValueFactory = _ => new KafkaOptions().MaxStageMessageBytes,
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(ConfigFile);
        command.Options.Add(Bootstrap);
        command.Options.Add(BootstrapFilePath);
        command.Options.Add(GroupPrefix);
        command.Options.Add(MaxMessageBytes);
        command.Options.Add(MaxStageMessageBytes);
    }

    /// <summary>
    /// The client properties of the file <paramref name="option"/> names (else <c>$PIPELINE_KAFKA_CONFIG</c>; none: empty),
    /// announced with their values hidden unless they cannot be secret.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ClientProperties(ParseResult result, Option<string?> option)
    {
        var path = result.GetValue(option) is { Length: > 0 } given ? given : Environment.GetEnvironmentVariable(ConfigVariable);
        var properties = string.IsNullOrWhiteSpace(path) ? new Dictionary<string, string>(StringComparer.Ordinal) : KafkaConfigFile.Read(path);
        if (properties.Count > 0) Console.WriteLine($"Kafka client properties from {path}: {KafkaConfigFile.Describe(properties)}");
        return properties;
    }

    /// <summary>Resolves the broker address and returns the Kafka options for it.</summary>
    public KafkaOptions Resolve(ParseResult result, out ResolvedBootstrap resolved)
    {
        resolved = BootstrapResolver.Resolve(result.GetValue(Bootstrap), result.GetValue(BootstrapFilePath));
        var properties = ClientProperties(result, ConfigFile);
        var options = new KafkaOptions
        {
            BootstrapServers = resolved.Servers, GroupIdPrefix = result.GetValue(GroupPrefix)!, ClientProperties = properties,
            MaxMessageBytes = result.GetValue(MaxMessageBytes), MaxStageMessageBytes = result.GetValue(MaxStageMessageBytes),
        };
        if (options.MaxMessageBytes < 1024 || options.MaxStageMessageBytes < 1024)
            throw new ArgumentException("--max-message-bytes and --max-stage-message-bytes must be at least 1024");
        return options;
    }
}
