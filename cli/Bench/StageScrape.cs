using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Cli.Bench;

/// <summary>Reads a stage's consumed count and consumer lag from its <c>/metrics</c> endpoint.</summary>
internal sealed partial class StageScrape(int port, string stage)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>(records consumed, consumer lag), or null while the endpoint does not answer.</summary>
    public async Task<(long Consumed, long Lag)?> ReadAsync()
    {
        try
        {
            var text = await Http.GetStringAsync($"http://127.0.0.1:{port}/metrics");
            long consumed = 0, lag = 0;
            foreach (Match m in Sample().Matches(text))
            {
                if (!m.Groups["labels"].Value.Contains($"stage=\"{stage}\"", StringComparison.Ordinal)) continue;
                var value = (long)double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
                if (m.Groups["name"].Value == "pipeline_stage_consumed_total") consumed += value;
                else lag = value;
            }
            return (consumed, lag);
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^(?<name>pipeline_stage_consumed_total|pipeline_stage_consumer_lag)\{(?<labels>[^}]*)\} (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
