using System.CommandLine;
using Pipeline.Cli.Hosting;
using Pipeline.Runtime.Kafka;
using Pipeline.Fleet.Proxy;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline proxy</c>: the YARP data plane in front of one service's replicas, with its admin API.</summary>
internal static class ProxyCommand
{
    public static Command Create()
    {
        var defaults = new ProxyOptions();
        var port = new Option<int>("--port") { Description = "Loopback port (0 = any free port).", DefaultValueFactory = _ => 0 };
        var service = new Option<string>("--service") { Description = "Service id of the replicas behind the proxy.", DefaultValueFactory = _ => defaults.Service };
        var balancer = new Option<string>("--balancer") { Description = $"Balancer: {string.Join(", ", ProxyBalancerNames.All)}.", DefaultValueFactory = _ => defaults.Balancer };
        var bootstrap = new Option<string?>("--bootstrap") { Description = $"Kafka bootstrap servers (else ${BootstrapResolver.EnvironmentVariable}; none: no Kafka)." };
        var interval = DurationParser.Option("--metrics-interval", defaults.MetricsInterval, "Metric sample interval");
        var drain = DurationParser.Option("--drain-timeout", defaults.DrainTimeout, "Longest drain of proxied requests on SIGTERM");
        var kafkaConfig = new KafkaCommandOptions().ConfigFile;
        var command = new Command("proxy", "Run a YARP reverse proxy for one service: /admin API, metric samples and route decisions over Kafka. Prints 'listening http://127.0.0.1:PORT'.");
        foreach (var o in new Option[] { port, service, balancer, bootstrap, interval, drain, kafkaConfig }) command.Options.Add(o);
        command.SetAction((result, cancellationToken) => StartupErrors.Guard(async () =>
        {
            var servers = result.GetValue(bootstrap) is { Length: > 0 } b ? b : Environment.GetEnvironmentVariable(BootstrapResolver.EnvironmentVariable);
            var metricsInterval = result.GetValue(interval);
            if (metricsInterval <= TimeSpan.Zero) throw new ArgumentException("--metrics-interval must be positive");
            var options = new ProxyOptions
            {
                Port = result.GetValue(port),
                Service = result.GetValue(service)!,
                Balancer = result.GetValue(balancer)!,
                BootstrapServers = string.IsNullOrWhiteSpace(servers) ? null : servers.Trim(),
                KafkaClientProperties = KafkaCommandOptions.ClientProperties(result, kafkaConfig),
                MetricsInterval = metricsInterval,
                DrainTimeout = result.GetValue(drain),
            };
            await using var host = ProxyHost.Create(options);
            var address = await host.StartAsync(cancellationToken);
            await Console.Error.WriteLineAsync($"proxy: service {options.Service}, balancer {options.Balancer}, Kafka {options.BootstrapServers ?? "off"}");
            Console.Out.WriteLine($"listening {address.GetLeftPart(UriPartial.Authority)}");
            Console.Out.Flush();
            await host.WaitForShutdownAsync(CancellationToken.None);
            return 0;
        }));
        return command;
    }
}
