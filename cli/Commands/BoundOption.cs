using System.CommandLine;
using Pipeline.Cli.Hosting;

namespace Pipeline.Cli.Commands;

/// <summary>An option holding a time bound that is on by default: a duration, or <c>off</c> (or 0) for no bound (null).</summary>
internal static class BoundOption
{
    public static Option<TimeSpan?> Create(string name, TimeSpan defaultValue, string description) => new(name)
    {
        Description = $"{description} (e.g. 30s, 5m; default {defaultValue.TotalSeconds:0}s; off = no bound).",
        DefaultValueFactory = _ => defaultValue,
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
                result.AddError($"{name}: {e.Message}, or off");
                return defaultValue;
            }
        },
    };
}
