using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Pipeline.Fleet.Proxy.Destinations;
using Pipeline.Fleet.Proxy.Learned;
using Yarp.ReverseProxy.Model;
using Yarp.ReverseProxy.Forwarder;

namespace Pipeline.Fleet.Proxy;

/// <summary>
/// The proxy's request pipeline around YARP's load balancing: before it, destinations that were removed (draining) or
/// polled not ready are taken out (all of them kept when none is left: fail open); after it, every proxied request is
/// metered per destination and, under the learned balancer, fed back to it.
/// </summary>
internal static class ProxyPipeline
{
    public static void Configure(IReverseProxyApplicationBuilder proxy, DestinationTable table, LearnedPicker? learned, TimeProvider time)
    {
        proxy.Use((context, next) =>
        {
            FilterRoutable(context.GetReverseProxyFeature(), table);
            return next(context);
        });
        proxy.UseSessionAffinity();
        proxy.UseLoadBalancing();
        proxy.Use((context, next) => MeterAsync(context, next, table, learned, time));
        proxy.UsePassiveHealthChecks();
    }

    private static void FilterRoutable(IReverseProxyFeature feature, DestinationTable table)
    {
        var available = feature.AvailableDestinations;
        List<DestinationState>? known = null, ready = null;
        foreach (var d in available)
        {
            if (!table.TryGet(d.DestinationId, out var entry)) continue;
            (known ??= []).Add(d);
            if (entry.Ready) (ready ??= []).Add(d);
        }
        feature.AvailableDestinations = ready ?? known ?? (IReadOnlyList<DestinationState>)[];
    }

    private static async Task MeterAsync(HttpContext context, RequestDelegate next, DestinationTable table, LearnedPicker? learned, TimeProvider time)
    {
        var chosen = context.GetReverseProxyFeature().AvailableDestinations;
        if (chosen.Count == 0)
        {
            await next(context);
            return;
        }
        var id = chosen[0].DestinationId;
        var meter = table.Meter(id);
        meter.Started();
        var started = time.GetTimestamp();
        var failed = true;
        try
        {
            await next(context);
            failed = context.Response.StatusCode >= 500 || context.Features.Get<IForwarderErrorFeature>() is not null;
        }
        finally
        {
            var seconds = time.GetElapsedTime(started).TotalSeconds;
            meter.Completed(seconds * 1000, failed);
            learned?.Observe(id, seconds, failed, learned.Now());
        }
    }
}
