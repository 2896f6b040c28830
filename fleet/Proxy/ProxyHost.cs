using Confluent.Kafka;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Runtime.Kafka;
using Pipeline.Contracts.Messages;
using Pipeline.Fleet.Hosting;
using Pipeline.Fleet.Proxy.Admin;
using Pipeline.Fleet.Proxy.Destinations;
using Pipeline.Fleet.Proxy.Kafka;
using Pipeline.Fleet.Proxy.Learned;
using Pipeline.Fleet.Proxy.Metrics;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.LoadBalancing;

namespace Pipeline.Fleet.Proxy;

/// <summary>
/// The YARP data plane of one service on a loopback port: everything outside <c>/admin</c> is proxied to the service's
/// replicas, chosen by the configured balancer; the admin API adds, drains and weights replicas; every
/// <see cref="ProxyOptions.MetricsInterval"/> one <see cref="MetricSample"/> per replica is built (and published on
/// Kafka when configured, where route decisions for the service are read too).
/// </summary>
public sealed class ProxyHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly MetricsCollector _metrics;

    private ProxyHost(WebApplication app, MetricsCollector metrics)
    {
        _app = app;
        _metrics = metrics;
    }

    /// <summary>The bound address, e.g. <c>http://127.0.0.1:41234</c> (after <see cref="StartAsync"/>).</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The samples of the last completed metrics interval, one per replica.</summary>
    public IReadOnlyList<MetricSample> LatestSamples => _metrics.Latest;

    /// <summary>The samples of the last 240 collection rounds, oldest first.</summary>
    public IReadOnlyList<MetricSample> RecentSamples => _metrics.Recent;

    /// <summary>Builds the proxy; throws <see cref="ArgumentException"/> for an unknown balancer name.</summary>
    public static ProxyHost Create(ProxyOptions options, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var policy = ProxyBalancerNames.YarpPolicy(options.Balancer);
        var (route, cluster) = DestinationTable.Initial(options.Service, policy);
        var config = new InMemoryConfigProvider([route], [cluster]);
        var table = new DestinationTable(config, options.Service, policy, time);
        var picker = new LearnedPicker(options.Learned, time);
        var learned = options.Balancer == ProxyBalancerNames.Learned;

        var builder = LoopbackWebApp.CreateBuilder(options.Port, options.DrainTimeout);
        var services = builder.Services;
        services.AddReverseProxy();
        services.AddSingleton<IProxyConfigProvider>(config);
        services.AddSingleton(table);
        services.AddSingleton<ILoadBalancingPolicy>(new LearnedLoadBalancingPolicy(picker, table));
        services.AddSingleton(new ReplicaStatsPoller(new HttpClient { Timeout = options.StatsTimeout }));
        services.AddSingleton(sp => new MetricsCollector(table, sp.GetRequiredService<ReplicaStatsPoller>(),
            sp.GetServices<IMetricSampleSink>(), time, options.MetricsInterval));
        services.AddHostedService(sp => sp.GetRequiredService<MetricsCollector>());
        if (!string.IsNullOrWhiteSpace(options.BootstrapServers)) AddKafka(services, options, table);

        var app = builder.Build();
        AdminEndpoints.Map(app, table, app.Services.GetRequiredService<MetricsCollector>(), time);
        app.MapReverseProxy(proxy => ProxyPipeline.Configure(proxy, table, learned ? picker : null, time));
        return new ProxyHost(app, app.Services.GetRequiredService<MetricsCollector>());
    }

    /// <summary>Starts listening and returns the bound address.</summary>
    public async Task<Uri> StartAsync(CancellationToken cancellationToken = default)
    {
        Address = await LoopbackWebApp.StartAsync(_app, cancellationToken);
        return Address;
    }

    /// <summary>Completes when the host has stopped (after SIGTERM or <see cref="StopAsync"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public Task StopAsync() => _app.StopAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static void AddKafka(IServiceCollection services, ProxyOptions options, DestinationTable table)
    {
        var kafka = new KafkaOptions { BootstrapServers = options.BootstrapServers!, ClientProperties = options.KafkaClientProperties };
        services.AddSingleton(sp => new KafkaSamplePublisher(
            new ProducerBuilder<string?, byte[]>(KafkaClientConfigs.Producer(kafka, $"proxy-{options.Service}")).Build(),
            sp.GetRequiredService<ILogger<KafkaSamplePublisher>>()));
        services.AddSingleton<IMetricSampleSink>(sp => sp.GetRequiredService<KafkaSamplePublisher>());
        services.AddHostedService(sp => new RouteDecisionListener(kafka, table, sp.GetRequiredService<ILogger<RouteDecisionListener>>()));
    }
}
