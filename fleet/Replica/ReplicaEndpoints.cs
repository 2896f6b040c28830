using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Pipeline.Fleet.Replica;

/// <summary>The replica's HTTP API: <c>/work</c>, <c>/ready</c>, <c>/stats</c>, <c>/fault</c>.</summary>
internal static class ReplicaEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ReplicaRuntime replica)
    {
        app.MapGet("/work", (CancellationToken aborted) => WorkAsync(replica, aborted));
        app.MapGet("/ready", () => replica.Readiness.IsReady
            ? Results.Text("ready")
            : Results.Text(replica.Readiness.IsDraining ? "draining" : "starting", statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/stats", () => Results.Json(replica.Stats()));
        app.MapPost("/fault", (HttpContext context, string? kind, double? factor) => SetFault(replica, context, kind, factor));
    }

    private static async Task<IResult> WorkAsync(ReplicaRuntime replica, CancellationToken aborted)
    {
        if (replica.Fault.Kind == FaultKind.Fail)
        {
            replica.Counters.Error();
            return Results.Text("injected failure", statusCode: StatusCodes.Status500InternalServerError);
        }
        if (await replica.Pool.AcquireAsync(aborted) is not { } started)
        {
            replica.Counters.Reject();
            return Results.Text("queue full", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        try
        {
            var service = replica.ServiceTimes.Next() * replica.Fault.SlowFactor;
            if (service > TimeSpan.Zero) await Task.Delay(service, aborted);
            replica.Counters.Success();
            return Results.Text(string.Create(CultureInfo.InvariantCulture, $"{replica.Options.Id} {service.TotalMilliseconds:0.###}ms"));
        }
        finally
        {
            replica.Pool.Release(started);
        }
    }

    private static IResult SetFault(ReplicaRuntime replica, HttpContext context, string? kind, double? factor)
    {
        if (!FaultSwitch.TryParse(kind, out var fault))
            return Results.BadRequest("kind must be none, slow, fail or die");
        if (fault == FaultKind.Die)
        {
            // After the answer is on the wire (and a moment for the client to read it), the process ends.
            context.Response.OnCompleted(async () =>
            {
                await Task.Delay(20);
                replica.Die();
            });
            return Results.Text("dying");
        }
        var f = factor ?? 4;
        if (fault == FaultKind.Slow && !(f > 0 && double.IsFinite(f))) return Results.BadRequest("factor must be positive");
        replica.Fault.Set(fault, f);
        return Results.Text(fault == FaultKind.Slow ? $"slow x{f.ToString(CultureInfo.InvariantCulture)}" : fault.ToString().ToLowerInvariant());
    }
}
