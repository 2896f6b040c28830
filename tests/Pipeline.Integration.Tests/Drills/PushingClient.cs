using System.Net;
using System.Text.Json;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;

namespace Pipeline.Integration.Tests.Drills;

/// <summary>
/// An HTTP client of <c>pipeline ingest --source http</c> that keeps its side of the contract: a batch not answered
/// 200 (refused connection, reset, timeout, 5xx) is sent again until it is, so every sample is acknowledged once in the
/// end. Counts attempts and failed attempts; remembers every acknowledged sample.
/// </summary>
internal sealed class PushingClient(Uri samplesUrl) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly List<MetricSample> _acknowledged = [];

    public int Attempts { get; private set; }
    public int FailedAttempts { get; private set; }
    public IReadOnlyList<MetricSample> Acknowledged => _acknowledged;

    /// <summary>Posts <paramref name="batch"/> until it is answered 200 or <paramref name="cancellationToken"/> ends the drill.</summary>
    public async Task PushUntilAcknowledgedAsync(IReadOnlyList<MetricSample> batch, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(batch, JsonDefaults.Options);
        while (true)
        {
            Attempts++;
            try
            {
                using var content = new ByteArrayContent(body);
                using var response = await _http.PostAsync(samplesUrl, content, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    _acknowledged.AddRange(batch);
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
            }
            FailedAttempts++;
            await Task.Delay(100, cancellationToken);
        }
    }

    public void Dispose() => _http.Dispose();
}
