namespace Pipeline.Runtime.Kafka;

/// <summary>
/// A file of librdkafka client properties (<c>key=value</c> per line, <c>#</c> comments), e.g. <c>security.protocol</c>,
/// <c>sasl.*</c>, <c>ssl.*</c>, given to every Kafka client of a stage (<c>--kafka-config FILE</c>). Values are never
/// logged except for a short list of settings that cannot be secret (<see cref="Describe"/>).
/// </summary>
public static class KafkaConfigFile
{
    /// <summary>Settings whose values may be shown; every other value is shown as <c>&lt;set&gt;</c>.</summary>
    private static readonly HashSet<string> Shown = new(StringComparer.Ordinal)
    {
        "security.protocol", "sasl.mechanism", "sasl.mechanisms", "ssl.endpoint.identification.algorithm", "client.rack",
        "enable.ssl.certificate.verification", "ssl.ca.location",
    };

    /// <summary>The properties of <paramref name="path"/>; a line that is not <c>key=value</c> fails with its line number (not its text).</summary>
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or '!') continue;
            var equals = line.IndexOf('=');
            if (equals <= 0) throw new FormatException($"{path}, line {number}: expected key=value (the line is not shown: it may hold a secret)");
            properties[line[..equals].Trim()] = line[(equals + 1)..].Trim();
        }
        return properties;
    }

    /// <summary>One line naming every property, with values only for settings that cannot be secret.</summary>
    public static string Describe(IReadOnlyDictionary<string, string> properties) =>
        properties.Count == 0 ? "none"
        : string.Join(", ", properties.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Shown.Contains(p.Key) ? $"{p.Key}={p.Value}" : $"{p.Key}=<set>"));
}
