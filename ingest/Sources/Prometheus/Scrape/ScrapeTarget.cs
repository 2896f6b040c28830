namespace Pipeline.Ingest.Sources.Prometheus.Scrape;

/// <summary>One replica and the address of its text exposition (usually <c>http://host:port/metrics</c>).</summary>
public sealed record ScrapeTarget(string Replica, Uri Url)
{
    /// <summary>
    /// Targets from a comma-separated list of URLs (replica = the URL's <c>host:port</c>, as Prometheus' <c>instance</c>),
    /// or, when <paramref name="listOrFile"/> names a file, from its <c>replica=url</c> lines (<c>#</c> starts a comment).
    /// </summary>
    public static IReadOnlyList<ScrapeTarget> Parse(string listOrFile)
    {
        if (File.Exists(listOrFile)) return ParseFile(File.ReadAllLines(listOrFile), listOrFile);
        return [.. listOrFile.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(text => ToUri(text, text)).Select(url => new ScrapeTarget(url.Authority, url))];
    }

    /// <summary>Targets from <c>replica=url</c> lines; <paramref name="origin"/> names them in errors.</summary>
    public static IReadOnlyList<ScrapeTarget> ParseFile(IEnumerable<string> lines, string origin)
    {
        var targets = new List<ScrapeTarget>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0) continue;
            var eq = line.IndexOf('=');
            if (eq <= 0) throw new ArgumentException($"{origin} line {number}: expected replica=url, got '{line}'");
            targets.Add(new ScrapeTarget(line[..eq].Trim(), ToUri(line[(eq + 1)..].Trim(), $"{origin} line {number}")));
        }
        return targets;
    }

    private static Uri ToUri(string text, string where) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ArgumentException($"{where}: '{text}' is not an http(s) URL");
}
