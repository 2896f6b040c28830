using System.CommandLine;
using Pipeline.Runtime.Kafka;

namespace Pipeline.Cli.Commands;

/// <summary>The <c>--bootstrap</c> and <c>--bootstrap-file</c> options every Kafka command shares.</summary>
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

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Bootstrap);
        command.Options.Add(BootstrapFilePath);
        command.Options.Add(GroupPrefix);
    }

    /// <summary>Resolves the broker address and returns the Kafka options for it.</summary>
    public KafkaOptions Resolve(ParseResult result, out ResolvedBootstrap resolved)
    {
        resolved = BootstrapResolver.Resolve(result.GetValue(Bootstrap), result.GetValue(BootstrapFilePath));
        return new KafkaOptions { BootstrapServers = resolved.Servers, GroupIdPrefix = result.GetValue(GroupPrefix)! };
    }
}
