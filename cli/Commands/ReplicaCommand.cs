using System.CommandLine;
using Pipeline.Cli.Hosting;
using Pipeline.Fleet.Replica;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline replica</c>: one real replica (Kestrel on a loopback port) of the local fleet.</summary>
internal static class ReplicaCommand
{
    public static Command Create()
    {
        var defaults = new ReplicaOptions();
        var port = new Option<int>("--port") { Description = "Loopback port (0 = any free port).", DefaultValueFactory = _ => 0 };
        var id = new Option<string>("--id") { Description = "Replica id reported by /stats.", DefaultValueFactory = _ => defaults.Id };
        var workers = new Option<int>("--workers") { Description = "Parallel workers.", DefaultValueFactory = _ => defaults.Workers };
        var mean = new Option<double>("--service-mean-ms") { Description = "Mean service time in ms (0 = answer at once).", DefaultValueFactory = _ => defaults.ServiceMean.TotalMilliseconds };
        var cv = new Option<double>("--service-cv") { Description = "Coefficient of variation of the lognormal service time.", DefaultValueFactory = _ => defaults.ServiceCv };
        var queue = new Option<int>("--queue") { Description = "Requests that may wait for a worker; beyond it /work answers 503.", DefaultValueFactory = _ => defaults.QueueLimit };
        var startup = DurationParser.Option("--startup-delay", TimeSpan.Zero, "Time before /ready answers 200");
        var drain = DurationParser.Option("--drain-timeout", defaults.DrainTimeout, "Longest drain of in-flight and queued requests on SIGTERM");
        var seed = new Option<long?>("--seed") { Description = "Seed of the service-time draws (default: derived from --id)." };
        var command = new Command("replica", "Run one replica: GET /work, /ready, /stats; POST /fault. Prints 'listening http://127.0.0.1:PORT'.");
        foreach (var o in new Option[] { port, id, workers, mean, cv, queue, startup, drain, seed }) command.Options.Add(o);
        command.SetAction((result, cancellationToken) => StartupErrors.Guard(async () =>
        {
            var options = new ReplicaOptions
            {
                Port = result.GetValue(port),
                Id = result.GetValue(id)!,
                Workers = Positive(result.GetValue(workers), "--workers"),
                ServiceMean = TimeSpan.FromMilliseconds(NonNegative(result.GetValue(mean), "--service-mean-ms")),
                ServiceCv = NonNegative(result.GetValue(cv), "--service-cv"),
                QueueLimit = (int)NonNegative(result.GetValue(queue), "--queue"),
                StartupDelay = result.GetValue(startup),
                DrainTimeout = result.GetValue(drain),
                Seed = result.GetValue(seed) ?? ReplicaOptions.SeedFor(result.GetValue(id)!),
            };
            await using var host = ReplicaHost.Create(options);
            var address = await host.StartAsync(cancellationToken);
            Console.Out.WriteLine($"listening {address.GetLeftPart(UriPartial.Authority)}");
            Console.Out.Flush();
            await host.WaitForShutdownAsync(CancellationToken.None);
            return 0;
        }));
        return command;
    }

    private static int Positive(int value, string name) =>
        value > 0 ? value : throw new ArgumentException($"{name} must be positive, got {value}");

    private static double NonNegative(double value, string name) =>
        value >= 0 && double.IsFinite(value) ? value : throw new ArgumentException($"{name} must be zero or more, got {value}");
}
