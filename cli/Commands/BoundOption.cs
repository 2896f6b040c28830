using System.CommandLine;
using Pipeline.Cli.Hosting;

namespace Pipeline.Cli.Commands;

/// <summary>
/// An option holding a time bound that is on by default: a duration, or <c>off</c> (or 0) for no bound. The option holds
/// <see cref="TimeSpan.Zero"/> for off (System.CommandLine cannot hand back a null from a custom parser); read it with <see cref="Value"/>.
/// </summary>
internal static class BoundOption
{
    /// <summary>The bound, or null when it is off.</summary>
    public static TimeSpan? Value(ParseResult result, Option<TimeSpan> option) =>
        result.GetValue(option) is var bound && bound > TimeSpan.Zero ? bound : null;

    public static Option<TimeSpan> Create(string name, TimeSpan defaultValue, string description) => new(name)
    {
        Description = $"{description} (e.g. 30s, 5m; default {defaultValue.TotalSeconds:0}s; off = no bound).",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (string.Equals(token.Trim(), "off", StringComparison.OrdinalIgnoreCase)) return TimeSpan.Zero;
            try
            {
                return DurationParser.Parse(token);
            }
            catch (FormatException e)
            {
                result.AddError($"{name}: {e.Message}, or off");
                return defaultValue;
            }
        },
    };
}
