using System.CommandLine;
using Pipeline.Cli.Fleet;
using Pipeline.Cli.Hosting;
using Pipeline.Fleet.Local;
using Pipeline.Fleet.Proxy;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline fault-bench</c>: the proxy's balancers on a real fleet with one replica slowed 4x or failing fast, measured through the proxy.</summary>
internal static class FaultBenchCommand
{
    public static Command Create()
    {
        var balancers = new Option<string>("--balancer") { Description = "Comma-separated proxy balancers.", DefaultValueFactory = _ => "round-robin,least-requests,learned" };
        var faults = new Option<string>("--fault") { Description = "Comma-separated faults of one replica: slow (4x service time), fail (500 at once).", DefaultValueFactory = _ => "slow,fail" };
        var replicas = new Option<int>("--replicas") { Description = "Replica processes.", DefaultValueFactory = _ => 4 };
        var rate = new Option<double>("--rate") { Description = "Poisson load in requests/s (default 0.6 of the fleet's capacity).", DefaultValueFactory = _ => 0 };
        var duration = DurationParser.Option("--duration", TimeSpan.FromSeconds(30), "Load per run");
        var command = new Command("fault-bench", "Balancers of the proxy on a real fleet with one faulty replica: p50/p99 and errors through the proxy.");
        foreach (var o in new Option[] { balancers, faults, replicas, rate, duration }) command.Options.Add(o);
        command.SetAction((result, cancellationToken) => StartupErrors.Guard(async () =>
        {
            var replica = new LocalReplicaSettings { StartupDelay = TimeSpan.Zero };
            var n = result.GetValue(replicas) is > 1 and var r ? r : throw new ArgumentException($"--replicas: must be > 1, was {result.GetValue(replicas)}");
            var load = result.GetValue(rate) is > 0 and var given ? given : 0.6 * n * replica.Workers / (replica.ServiceMeanMs / 1000);
            var names = result.GetValue(balancers)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var name in names) ProxyBalancerNames.YarpPolicy(name);
            Console.WriteLine($"fault-bench: {n} replicas ({replica.Workers} workers, lognormal {replica.ServiceMeanMs:0} ms cv {replica.ServiceCv}), {load:0.#} req/s, {result.GetValue(duration).TotalSeconds:0} s per run");
            Console.WriteLine($"{"fault",-6}{"balancer",-16}{"sent",8}{"errors",8}{"p50 ms",10}{"p99 ms",10}{"> SLO",8}");
            foreach (var fault in result.GetValue(faults)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (fault is not ("slow" or "fail")) throw new ArgumentException($"--fault: unknown fault '{fault}'; known: slow, fail");
                foreach (var name in names)
                {
                    var run = await FaultBench.RunAsync(name, fault, n, replica, load, result.GetValue(duration), cancellationToken);
                    Console.WriteLine($"{fault,-6}{name,-16}{run.Sent,8}{run.Errors,8}{run.FromScheduled.P50,10:0.0}{run.FromScheduled.P99,10:0.0}{run.SlowerThanSlo,8}");
                }
            }
            return 0;
        }));
        return command;
    }
}
