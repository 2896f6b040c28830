using System.Globalization;

namespace Pipeline.Ingest.Sources.Prometheus.Exposition;

/// <summary>
/// Reads the Prometheus text exposition format (version 0.0.4): <c># TYPE</c> lines, and sample lines
/// <c>name{label="value",...} value [timestamp]</c> with escaped label values and <c>+Inf</c>/<c>-Inf</c>/<c>NaN</c>.
/// A malformed line is skipped and reported in <see cref="ExpositionDocument.Problems"/> with its line number.
/// </summary>
public static class ExpositionParser
{
    /// <summary>Parses <paramref name="text"/>.</summary>
    public static ExpositionDocument Parse(string text)
    {
        var samples = new List<ExpositionSample>();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r').Trim();
            if (line.Length == 0) continue;
            if (line[0] == '#')
            {
                var parts = line.Split((char[]?)null, 4, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 4 && parts[1] == "TYPE") types[parts[2]] = parts[3].Trim();
                continue;
            }
            try
            {
                samples.Add(ParseSample(line));
            }
            catch (FormatException e)
            {
                problems.Add($"line {i + 1}: {e.Message}");
            }
        }
        return new ExpositionDocument(samples, types, problems);
    }

    private static ExpositionSample ParseSample(string line)
    {
        var reader = new LineReader(line);
        var name = reader.ReadName();
        if (name.Length == 0) throw new FormatException($"no metric name in '{line}'");
        var labels = reader.Peek() == '{' ? reader.ReadLabels() : new Dictionary<string, string>(StringComparer.Ordinal);
        var fields = reader.Rest().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is < 1 or > 2) throw new FormatException($"expected a value (and an optional timestamp) after {name}");
        return new ExpositionSample(name, labels, ParseValue(fields[0]));
    }

    /// <summary>A Prometheus float: decimal, exponent, <c>+Inf</c>, <c>-Inf</c> or <c>NaN</c>.</summary>
    public static double ParseValue(string text) => text switch
    {
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new FormatException($"'{text}' is not a number"),
    };
}
