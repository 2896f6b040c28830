using Pipeline.Sink.Influx;
using Pipeline.Sink.LineProtocol;
using Pipeline.TestSupport.Influx;
using Xunit;

namespace Pipeline.Sink.Tests.Influx;

public sealed class InfluxWriterRetryTests
{
    private static InfluxWriterOptions Options(Uri url, List<InfluxWriteFailure>? failures = null) => new()
    {
        Url = url,
        BatchSize = 10,
        Linger = TimeSpan.FromMilliseconds(20),
        InitialBackoff = TimeSpan.FromMilliseconds(10),
        MaxBackoff = TimeSpan.FromMilliseconds(40),
        OnFailure = failures is null ? null : f => { lock (failures) failures.Add(f); },
    };

    private static IEnumerable<Point> Points(int n) => Enumerable.Range(0, n).Select(i => new Point("m", i).Field("v", (long)i));

    [Fact]
    public async Task WriteAsync_ServerAnswers500Then204_RetriesAndWritesEverything()
    {
        using var server = new ScriptedHttpServer(false, (500, "{\"error\":\"timeout\"}"), (503, ""));
        await using var writer = new InfluxWriter(Options(server.Url));

        await writer.WriteAsync(Points(5));
        await writer.FlushAsync();

        var stats = writer.Stats;
        Assert.Equal((5L, 0L, 2L, 10L), (stats.PointsWritten, stats.PointsFailed, stats.Retries, stats.PointsRetried));
        Assert.Equal(3, server.Bodies.Count);
        Assert.All(server.Bodies, body => Assert.Equal(server.Bodies.First(), body));
    }

    [Fact]
    public async Task WriteAsync_ServerAnswers400_NoRetryAndFailureReported()
    {
        var failures = new List<InfluxWriteFailure>();
        using var server = new ScriptedHttpServer(false, (400, "{\"error\":\"unable to parse 'm v=': missing field value\"}"));
        await using var writer = new InfluxWriter(Options(server.Url, failures));

        await writer.WriteAsync(Points(3));
        await writer.FlushAsync();

        Assert.Single(server.Bodies);
        var failure = Assert.Single(failures);
        Assert.Equal((3, 400, 1), (failure.Points, failure.StatusCode, failure.Attempts));
        Assert.Contains("missing field value", failure.Error);
        Assert.Equal("m v=0i 0", failure.FirstLine);
        Assert.Equal((0L, 3L, 0L), (writer.Stats.PointsWritten, writer.Stats.PointsFailed, writer.Stats.Retries));
    }

    [Fact]
    public async Task WriteAsync_PartialWrite400_CountsOnlyDroppedPointsAsFailed()
    {
        var failures = new List<InfluxWriteFailure>();
        using var server = new ScriptedHttpServer(false, (400, "{\"error\":\"partial write: field type conflict: input field \\\"v\\\" on measurement \\\"m\\\" is type float, already exists as type integer dropped=2\"}"));
        await using var writer = new InfluxWriter(Options(server.Url, failures));

        await writer.WriteAsync(Points(5));
        await writer.FlushAsync();

        Assert.Equal(2, Assert.Single(failures).Points);
        Assert.Equal((3L, 2L), (writer.Stats.PointsWritten, writer.Stats.PointsFailed));
    }

    [Fact]
    public async Task WriteAsync_ServerFailingTenTimes_HoldsBatchUntilWrittenNothingFailed()
    {
        var failures = new List<InfluxWriteFailure>();
        using var server = new ScriptedHttpServer(false, Enumerable.Repeat((500, "down"), 10).ToArray());
        await using var writer = new InfluxWriter(Options(server.Url, failures));

        await writer.WriteAsync(Points(2));
        await writer.FlushAsync();

        Assert.Equal(11, server.Bodies.Count);
        Assert.Empty(failures);
        Assert.Equal((2L, 0L, 10L), (writer.Stats.PointsWritten, writer.Stats.PointsFailed, writer.Stats.Retries));
        Assert.Null(writer.Outage);
    }

    [Fact]
    public async Task WriteAsync_NothingListening_ReportsOutageAndFlushWaitsWithoutFailingPoints()
    {
        var failures = new List<InfluxWriteFailure>();
        var url = new Uri($"http://user:secret@127.0.0.1:{FreePort.Next()}/");
        var options = Options(url, failures);
        options.DrainTimeout = TimeSpan.FromMilliseconds(100);
        var writer = new InfluxWriter(options);

        await writer.WriteAsync(Points(1));
        await WaitUntil(() => writer.Stats.Retries >= 3);
        var outage = writer.Outage;
        var flushed = await writer.FlushAsync(TimeSpan.FromMilliseconds(200));
        var failedWhileDown = writer.Stats.PointsFailed;
        await writer.DisposeAsync();

        Assert.NotNull(outage);
        Assert.StartsWith($"InfluxDB at http://127.0.0.1:{url.Port} not writable since ", outage);
        Assert.Contains("(no answer: ", outage);
        Assert.DoesNotContain("secret", outage);
        Assert.False(flushed);
        Assert.Equal(0, failedWhileDown);
        Assert.Equal(1, Assert.Single(failures).Points); // given up only when the writer stopped
    }

    [Fact]
    public async Task WriteAsync_ServerHoldsAnswers_WaitsAtBoundInsteadOfDropping()
    {
        using var server = new ScriptedHttpServer(holdAnswers: true);
        var options = Options(server.Url);
        options.BatchSize = 5;
        options.BufferCapacity = 10;
        await using var writer = new InfluxWriter(options);

        // While the server holds the first request, writes are accepted up to the bound
        // (buffer + one formatted batch + the batch in flight), then the next one waits.
        var accepted = 0;
        ValueTask blocked;
        while (true)
        {
            blocked = writer.WriteAsync(new Point("m", accepted).Field("v", (long)accepted));
            if (!blocked.IsCompleted && !await Completes(blocked.AsTask(), TimeSpan.FromMilliseconds(300))) break;
            accepted++;
            Assert.True(accepted <= 100, "the buffer never filled");
        }
        Assert.InRange(accepted, options.BufferCapacity, options.BufferCapacity + 2 * options.BatchSize);
        Assert.Single(server.Bodies);

        server.Release();
        await blocked.AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        await writer.FlushAsync();

        Assert.Equal((accepted + 1L, 0L), (writer.Stats.PointsWritten, writer.Stats.PointsFailed));
    }

    private static async Task<bool> Completes(Task task, TimeSpan within) => await Task.WhenAny(task, Task.Delay(within)) == task;

    [Fact]
    public async Task WriteAsync_FewerPointsThanBatch_SentAfterLingerWithoutFlush()
    {
        using var server = new ScriptedHttpServer();
        await using var writer = new InfluxWriter(Options(server.Url));

        await writer.WriteAsync(Points(3));
        await WaitUntil(() => writer.Stats.PointsWritten == 3);

        Assert.Single(server.Bodies);
    }

    [Fact]
    public async Task DisposeAsync_PointsBuffered_WritesThemBeforeStopping()
    {
        using var server = new ScriptedHttpServer();
        var writer = new InfluxWriter(Options(server.Url));

        await writer.WriteAsync(Points(25));
        await writer.DisposeAsync();

        Assert.Equal(25, writer.Stats.PointsWritten);
        Assert.Equal(25, server.Bodies.Sum(b => b.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met within 10 s");
            await Task.Delay(10);
        }
    }
}
