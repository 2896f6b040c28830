using System.Globalization;

namespace Pipeline.Simulator.Traces;

/// <summary>Writes a trace in the CSV form <see cref="TraceReader"/> reads: header <c>timestamp,requests</c>, ISO-8601 UTC timestamps.</summary>
public static class TraceWriter
{
    public static void Write(Trace trace, TextWriter writer)
    {
        writer.WriteLine("timestamp,requests");
        for (var i = 0; i < trace.Requests.Count; i++)
        {
            var at = (trace.Start + trace.Interval * i).UtcDateTime;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{at:yyyy-MM-ddTHH:mm:ssZ},{trace.Requests[i]:R}"));
        }
    }
}
