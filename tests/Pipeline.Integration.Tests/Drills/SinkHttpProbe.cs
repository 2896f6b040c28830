using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Integration.Tests.Drills;

/// <summary>Reads a stage process's <c>/healthz</c> and <c>/metrics</c> over loopback HTTP.</summary>
internal sealed partial class SinkHttpProbe(int port) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>Status code and body of <c>/healthz</c>, or (0, error) when nothing answers.</summary>
    public async Task<(int Status, string Body)> HealthAsync()
    {
        try
        {
            using var response = await _http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return (0, e.Message); }
    }

    /// <summary><c>pipeline_stage_consumed_total</c> of the sink for <paramref name="topic"/> (0 when absent).</summary>
    public async Task<long> ConsumedAsync(string topic)
    {
        var text = await _http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
        foreach (Match m in ConsumedLine().Matches(text))
            if (m.Groups["labels"].Value.Contains($"topic=\"{topic}\"", StringComparison.Ordinal))
                return (long)double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
        return 0;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex(@"^pipeline_stage_consumed_total\{(?<labels>[^}]*)\} (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex ConsumedLine();
}
