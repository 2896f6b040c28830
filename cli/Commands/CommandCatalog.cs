using System.CommandLine;

namespace Pipeline.Cli.Commands;

/// <summary>Every sub-command of the <c>pipeline</c> executable; one factory per command, one file each.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create()
    {
        // Each command lives in its own file in this folder and adds one line here.
        yield return BrokerCommand.Create();
        yield return IngestCommand.Create();
        yield return FeaturesCommand.Create();
        yield return PredictorCommand.Create();
        yield return ActuatorCommand.Create();
        yield return SinkCommand.Create();
        yield return SinkBenchmarkCommand.Create();
        yield return DemoCommand.Create();
        yield return EvaluateCommand.Create();
        yield return SynthTraceCommand.Create();
        yield return ForecastBenchCommand.Create();
        yield return ForecastFleetCommand.Create();
        yield return FeaturesBenchCommand.Create();
        yield return BenchScaleCommand.Create();
        yield return BenchStateCommand.Create();
        yield return ReplicaCommand.Create();
        yield return ProxyCommand.Create();
        yield return ProxyBenchCommand.Create();
        yield return LoadgenCommand.Create();
        yield return SimToRealCommand.Create();
        yield return FleetCommand.Create();
        yield return FaultBenchCommand.Create();
    }
}
