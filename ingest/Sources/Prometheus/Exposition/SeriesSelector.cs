using System.Text.RegularExpressions;

namespace Pipeline.Ingest.Sources.Prometheus.Exposition;

/// <summary>
/// A metric name with optional label matchers, as in PromQL: <c>name{label="v",label!="v",label=~"re",label!~"re"}</c>
/// (regexes fully anchored). Selects the samples of a scraped exposition a field is read from.
/// </summary>
public sealed class SeriesSelector
{
    private readonly List<(string Label, string Op, string Value, Regex? Regex)> _matchers = [];

    private SeriesSelector(string name) => Name = name;

    /// <summary>The metric name the selector matches.</summary>
    public string Name { get; }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static SeriesSelector Parse(string text)
    {
        var brace = text.IndexOf('{');
        var selector = new SeriesSelector((brace < 0 ? text : text[..brace]).Trim());
        if (selector.Name.Length == 0) throw new FormatException($"selector '{text}' has no metric name");
        if (brace < 0) return selector;
        if (!text.TrimEnd().EndsWith('}')) throw new FormatException($"selector '{text}' does not end with '}}'");
        foreach (Match m in Regex.Matches(text[(brace + 1)..], "\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,?"))
        {
            var (label, op, value) = (m.Groups[1].Value, m.Groups[2].Value, Regex.Unescape(m.Groups[3].Value));
            selector._matchers.Add((label, op, value, op is "=~" or "!~" ? new Regex($"^(?:{value})$", RegexOptions.CultureInvariant) : null));
        }
        return selector;
    }

    /// <summary>Whether <paramref name="sample"/> has the name (plus <paramref name="suffix"/>) and passes every matcher.</summary>
    public bool Matches(ExpositionSample sample, string suffix = "") =>
        sample.Name.Length == Name.Length + suffix.Length && sample.Name.StartsWith(Name, StringComparison.Ordinal)
        && sample.Name.EndsWith(suffix, StringComparison.Ordinal) && _matchers.TrueForAll(m => Passes(m, sample.Label(m.Label)));

    private static bool Passes((string Label, string Op, string Value, Regex? Regex) m, string actual) => m.Op switch
    {
        "=" => actual == m.Value,
        "!=" => actual != m.Value,
        "=~" => m.Regex!.IsMatch(actual),
        _ => !m.Regex!.IsMatch(actual),
    };
}
