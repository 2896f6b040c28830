using System.Globalization;
using System.Text;

namespace Pipeline.TestSupport.Prometheus;

/// <summary>One replica's known HTTP server metrics, rendered in the text exposition format the way OpenTelemetry's Prometheus exporter names them.</summary>
public sealed class ReplicaCounters
{
    public static readonly double[] Bounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];
    private readonly Dictionary<string, (long[] Buckets, long Count, double Sum)> _byStatus = [];
    private readonly Lock _lock = new();

    public double CpuSeconds { get; set; }

    public int InFlight { get; set; }

    /// <summary>When false the request histogram is left out (the series disappears).</summary>
    public bool ServeHistogram { get; set; } = true;

    public void Observe(double seconds, int status, int times = 1)
    {
        lock (_lock)
        {
            var key = status.ToString(CultureInfo.InvariantCulture);
            var (buckets, count, sum) = _byStatus.TryGetValue(key, out var s) ? s : (new long[Bounds.Length + 1], 0, 0);
            var index = Array.FindIndex(Bounds, b => seconds <= b);
            buckets[index < 0 ? Bounds.Length : index] += times;
            _byStatus[key] = (buckets, count + times, sum + seconds * times);
        }
    }

    /// <summary>Forgets everything, as a restarted process would.</summary>
    public void Restart()
    {
        lock (_lock) _byStatus.Clear();
        CpuSeconds = 0;
    }

    public string Render()
    {
        var text = new StringBuilder();
        text.Append("# TYPE process_cpu_seconds_total counter\nprocess_cpu_seconds_total ").Append(F(CpuSeconds)).Append('\n');
        text.Append("# TYPE http_server_active_requests gauge\nhttp_server_active_requests ").Append(InFlight).Append('\n');
        if (!ServeHistogram) return text.ToString();
        text.Append("# HELP http_server_request_duration_seconds Duration of HTTP server requests.\n# TYPE http_server_request_duration_seconds histogram\n");
        lock (_lock)
        {
            foreach (var (status, (buckets, count, sum)) in _byStatus)
            {
                var labels = $"http_request_method=\"GET\",http_response_status_code=\"{status}\"";
                long cumulative = 0;
                for (var i = 0; i <= Bounds.Length; i++)
                {
                    cumulative += buckets[i];
                    var le = i < Bounds.Length ? F(Bounds[i]) : "+Inf";
                    text.Append($"http_server_request_duration_seconds_bucket{{{labels},le=\"{le}\"}} {cumulative}\n");
                }
                text.Append($"http_server_request_duration_seconds_sum{{{labels}}} {F(sum)}\n");
                text.Append($"http_server_request_duration_seconds_count{{{labels}}} {count}\n");
            }
        }
        return text.ToString();
    }

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
