using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Pipeline.Sink.Influx;

/// <summary>How the writer treats an answer of <c>/write</c>.</summary>
internal static partial class WriteResponse
{
    /// <summary>5xx, 408 and 429 are worth another attempt; other 4xx (bad data, unknown database) are not.</summary>
    public static bool IsRetryable(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    /// <summary>
    /// Points InfluxDB dropped according to a 400 body such as
    /// <c>{"error":"partial write: field type conflict: ... dropped=2"}</c>; all of the batch when it does not say.
    /// </summary>
    public static int DroppedPoints(string body, int batch)
    {
        var match = DroppedRegex().Match(body);
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? Math.Clamp(n, 0, batch)
            : batch;
    }

    [GeneratedRegex(@"dropped=(\d+)")]
    private static partial Regex DroppedRegex();
}
