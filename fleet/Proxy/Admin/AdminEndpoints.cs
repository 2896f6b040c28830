using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Fleet.Hosting;
using Pipeline.Fleet.Proxy.Destinations;
using Pipeline.Fleet.Proxy.Metrics;

namespace Pipeline.Fleet.Proxy.Admin;

/// <summary>The proxy's admin API under <c>/admin</c> (what the local actuator target calls).</summary>
internal static class AdminEndpoints
{
    /// <summary>How long <c>DELETE</c> waits for in-flight requests when no <c>timeout</c> is given.</summary>
    public static readonly TimeSpan DefaultDrainTimeout = TimeSpan.FromSeconds(30);

    public static void Map(IEndpointRouteBuilder app, DestinationTable table, MetricsCollector metrics, TimeProvider time)
    {
        var admin = app.MapGroup("/admin");
        admin.MapGet("/destinations", () => Results.Json(table.All.OrderBy(e => e.Id, StringComparer.Ordinal).Select(DestinationView.Of)));
        admin.MapPut("/destinations/{id}", (string id, AddressBody body) => Put(table, id, body));
        admin.MapDelete("/destinations/{id}", (string id, string? timeout, CancellationToken aborted) => DrainAsync(table, id, timeout, time, aborted));
        admin.MapPut("/weights", (Dictionary<string, double> weights) => SetWeights(table, weights));
        admin.MapGet("/samples", () => Results.Json(metrics.Latest));
    }

    private static IResult Put(DestinationTable table, string id, AddressBody body)
    {
        if (!Uri.TryCreate(body.Address, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            return Results.BadRequest($"address must be an absolute http URL, got '{body.Address}'");
        return Results.Json(DestinationView.Of(table.Upsert(id, address)));
    }

    private static async Task<IResult> DrainAsync(DestinationTable table, string id, string? timeout, TimeProvider time, CancellationToken aborted)
    {
        var limit = DefaultDrainTimeout;
        if (timeout is not null && !DurationText.TryParse(timeout, out limit)) return Results.BadRequest($"timeout '{timeout}' is not a duration (e.g. 30s)");
        if (!table.Remove(id)) return Results.NotFound($"no destination '{id}'");
        var meter = table.Meter(id);
        var started = time.GetTimestamp();
        while (meter.InFlight > 0)
        {
            if (time.GetElapsedTime(started) >= limit)
                return Results.Json(new DrainResult(id, false, meter.InFlight), statusCode: StatusCodes.Status504GatewayTimeout);
            await Task.Delay(TimeSpan.FromMilliseconds(10), time, aborted);
        }
        return Results.Json(new DrainResult(id, true, 0));
    }

    private static IResult SetWeights(DestinationTable table, Dictionary<string, double> weights)
    {
        if (weights.FirstOrDefault(w => !(w.Value >= 0) || !double.IsFinite(w.Value)) is { Key: { } bad })
            return Results.BadRequest($"weight of '{bad}' must be a finite number >= 0");
        var unknown = table.SetWeights(weights);
        return Results.Json(new WeightsResult(weights.Keys.Except(unknown).ToList(), unknown));
    }

    private sealed record AddressBody(string? Address);

    private sealed record DrainResult(string Id, bool Drained, int InFlight);

    private sealed record WeightsResult(IReadOnlyList<string> Applied, IReadOnlyList<string> Unknown);
}
