using System.CommandLine;
using Pipeline.Cli.Hosting;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>--max-ahead</c> of <c>pipeline features</c>: how far a sample's timestamp may be ahead of its arrival before it is
/// dead-lettered (<see cref="Features.Windowing.WindowingOptions.MaxAheadOfArrival"/>); on by default, <c>off</c> (or 0)
/// turns it off, for a simulated ingest in another process whose clock runs faster than the wall clock.
/// </summary>
internal static class MaxAheadOption
{
    /// <summary>The default bound: far beyond clock skew, far below what would freeze a service's windows for long.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromMinutes(5);

    public static Option<TimeSpan?> Create() => new("--max-ahead")
    {
        Description = "Dead-letter samples stamped more than this ahead of their arrival (e.g. 30s, 5m; default 5m; off = no bound, "
            + "for an ingest --speed > 1 in another process).",
        DefaultValueFactory = _ => Default,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (string.Equals(token.Trim(), "off", StringComparison.OrdinalIgnoreCase)) return null;
            try
            {
                var bound = DurationParser.Parse(token);
                return bound > TimeSpan.Zero ? bound : null;
            }
            catch (FormatException e)
            {
                result.AddError($"--max-ahead: {e.Message}, or off");
                return Default;
            }
        },
    };
}
