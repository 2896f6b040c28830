using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Sink.LineProtocol;

namespace Pipeline.Sink.Influx;

/// <summary>
/// Writes points to InfluxDB 1.x over HTTP line protocol: a bounded buffer (producers wait when it is full, nothing is
/// dropped), batches of up to <see cref="InfluxWriterOptions.BatchSize"/> points or <see cref="InfluxWriterOptions.Linger"/>
/// old, retries with exponential backoff on 5xx/network errors until written (the batch is held and <see cref="Outage"/>
/// says why meanwhile), no retry on 4xx (reported through
/// <see cref="InfluxWriterOptions.OnFailure"/> and counted). One request is in flight at a time while the next batch
/// is formatted, so at most <see cref="InfluxWriterOptions.BufferCapacity"/> + 2 × <see cref="InfluxWriterOptions.BatchSize"/>
/// points are held. <see cref="FlushAsync"/> waits until everything written before it has been sent, so a consumer
/// can commit its offsets after it.
/// </summary>
public sealed class InfluxWriter : IAsyncDisposable
{
    private readonly InfluxWriterOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly TimeProvider _time;
    private readonly Channel<Entry> _buffer;
    private readonly WriterCounters _counters = new();
    private readonly BatchSender _sender;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _buffered;

    /// <summary>Starts the writer's loop. <paramref name="http"/> is not disposed by the writer; one is created when null.</summary>
    public InfluxWriter(InfluxWriterOptions options, HttpClient? http = null, TimeProvider? time = null, ILogger<InfluxWriter>? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BufferCapacity, 1);
        _options = options;
        _ownsHttp = http is null;
        _http = http ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _time = time ?? TimeProvider.System;
        _buffer = Channel.CreateBounded<Entry>(new BoundedChannelOptions(options.BufferCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _sender = new BatchSender(_http, options, _counters, _time, (ILogger?)logger ?? NullLogger.Instance);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The writer's counters now.</summary>
    public InfluxWriterStats Stats => _counters.Snapshot(Volatile.Read(ref _buffered));

    /// <summary>
    /// Why the writer cannot write now (InfluxDB unreachable or answering 5xx/408/429 for the batch in flight, which
    /// is held and retried), or null while writes succeed. Meant for <c>/healthz</c> and to pause the input.
    /// </summary>
    public string? Outage
    {
        get
        {
            if (_counters.Outage is not { } o) return null;
            var status = o.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer";
            return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"InfluxDB at {_options.Endpoint} not writable since {o.Since.UtcDateTime:yyyy-MM-ddTHH:mm:ss}Z ({status}: {o.Error}); batch held after {o.Attempts} attempts, {Volatile.Read(ref _buffered)} points buffered");
        }
    }

    /// <summary>
    /// Creates <see cref="InfluxWriterOptions.Database"/> if it does not exist (CREATE DATABASE is idempotent); false
    /// when InfluxDB refuses it with 403 (a user without admin rights: the database must already exist), and at once
    /// with <see cref="InfluxWriterOptions.Organization"/> set (a 2.x bucket is not created by the writer).
    /// </summary>
    public async Task<bool> EnsureDatabaseAsync(CancellationToken ct = default)
    {
        if (_options.Organization is { Length: > 0 }) return false; // 2.x/3.x: the bucket is created by its owner, not by a writer
        using var content = new FormUrlEncodedContent([new("q", $"CREATE DATABASE \"{_options.Database.Replace("\"", "\\\"", StringComparison.Ordinal)}\"")]);
        using var request = InfluxAuth.Post(_options.QueryUri(), content, _options);
        using var response = await _http.SendAsync(request, ct);
        if (response.StatusCode == System.Net.HttpStatusCode.Forbidden) return false;
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"CREATE DATABASE {_options.Database} at {_options.Endpoint} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        return true;
    }

    /// <summary>Queues one point; waits while the buffer is full.</summary>
    public async ValueTask WriteAsync(Point point, CancellationToken ct = default)
    {
        await _buffer.Writer.WriteAsync(new Entry(point, null), ct);
        Interlocked.Increment(ref _buffered);
    }

    /// <summary>Queues points in order; waits while the buffer is full.</summary>
    public async ValueTask WriteAsync(IEnumerable<Point> points, CancellationToken ct = default)
    {
        foreach (var point in points) await WriteAsync(point, ct);
    }

    /// <summary>Completes when every point queued before the call has been written, failed or skipped.</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _buffer.Writer.WriteAsync(new Entry(null, done), ct);
        await done.Task.WaitAsync(ct);
    }

    /// <summary>How long a flush before a commit may take (<see cref="InfluxWriterOptions.CommitFlushTimeout"/>).</summary>
    public TimeSpan CommitFlushTimeout => _options.CommitFlushTimeout;

    /// <summary>True when every point queued before the call was written, failed or skipped within <paramref name="wait"/>.</summary>
    public async Task<bool> FlushAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait, _time);
        try
        {
            await FlushAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Stops taking points, writes what is buffered (up to <see cref="InfluxWriterOptions.DrainTimeout"/>), then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _buffer.Writer.TryComplete();
        try { await _loop.WaitAsync(_options.DrainTimeout, _time); }
        catch (TimeoutException) { }
        await _stop.CancelAsync();
        try { await _loop; } catch (OperationCanceledException) { }
        _stop.Dispose();
        if (_ownsHttp) _http.Dispose();
    }

    /// <summary>
    /// The loop: fill a batch, format it while the previous request is still in flight, then send it. Flushes complete
    /// once the batch they followed has been sent.
    /// </summary>
    private async Task RunAsync()
    {
        var batch = new List<Point>(Math.Min(_options.BatchSize, 100_000));
        var flushes = new List<TaskCompletionSource>();
        var reader = _buffer.Reader;
        var inFlight = Task.CompletedTask;
        while (await reader.WaitToReadAsync())
        {
            using (var linger = new CancellationTokenSource(_options.Linger, _time))
            {
                await FillAsync(reader, batch, flushes, linger.Token);
            }
            var payload = batch.Count > 0 && !_stop.IsCancellationRequested ? _sender.Format(batch) : null;
            await inFlight;
            Interlocked.Add(ref _buffered, -batch.Count);
            if (_stop.IsCancellationRequested) _counters.Failed(payload?.Lines ?? batch.Count);
            else if (payload is not null) inFlight = _sender.SendAsync(payload, _stop.Token);
            batch.Clear();
            if (flushes.Count == 0) continue;
            await inFlight;
            foreach (var flush in flushes) flush.TrySetResult();
            flushes.Clear();
        }
        await inFlight;
    }

    /// <summary>Takes entries until the batch is full, a flush is asked for, the linger ends or the buffer is completed.</summary>
    private async Task FillAsync(ChannelReader<Entry> reader, List<Point> batch, List<TaskCompletionSource> flushes, CancellationToken linger)
    {
        while (batch.Count < _options.BatchSize)
        {
            while (batch.Count < _options.BatchSize && reader.TryRead(out var entry))
            {
                if (entry.Flush is not null)
                {
                    flushes.Add(entry.Flush);
                    return;
                }
                batch.Add(entry.Point!);
            }
            if (batch.Count >= _options.BatchSize) return;
            try
            {
                if (!await reader.WaitToReadAsync(linger)) return;
            }
            catch (OperationCanceledException) { return; }
        }
    }

    private readonly record struct Entry(Point? Point, TaskCompletionSource? Flush);
}
