using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Fleet.Local;

/// <summary>Launches <c>dotnet pipeline.dll replica --port 0 ...</c> processes with the configured replica settings.</summary>
internal sealed class ProcessReplicaLauncher(LocalTargetOptions options) : IReplicaLauncher
{
    private readonly string _dll = ResolveDll(options.PipelineDll);
    private readonly string _host = options.DotnetHost ?? DefaultHost();

    public IReplicaProcess Start(string id, long sequence)
    {
        var s = options.Replica;
        var info = new ProcessStartInfo(_host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(_dll)!,
        };
        string[] arguments =
        [
            _dll, "replica", "--port", "0", "--id", id,
            "--workers", Text(s.Workers), "--service-mean-ms", Text(s.ServiceMeanMs), "--service-cv", Text(s.ServiceCv),
            "--startup-delay", Text(s.StartupDelay.TotalMilliseconds) + "ms", "--seed", Text(s.Seed + sequence),
        ];
        foreach (var a in arguments) info.ArgumentList.Add(a);
        info.Environment["DOTNET_gcServer"] = "0";
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{_host} did not start replica {id}");
        return new ReplicaProcess(id, process);
    }

    private static string ResolveDll(string? configured)
    {
        var dll = configured ?? Path.Combine(AppContext.BaseDirectory, "pipeline.dll");
        return File.Exists(dll) ? Path.GetFullPath(dll)
            : throw new FileNotFoundException($"the replica program {dll} does not exist; set the pipeline.dll path of the local target", dll);
    }

    private static string DefaultHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
