using System.Diagnostics;

namespace Pipeline.Fleet.Load;

/// <summary>
/// Open-loop load: Poisson arrivals at the rate of <see cref="LoadOptions.Rate"/>, each sent at its scheduled time from a
/// dedicated timing thread whatever earlier requests are doing, timed from the scheduled and from the actual send time.
/// </summary>
public sealed class LoadGenerator(LoadOptions options)
{
    /// <summary>
    /// Runs for <see cref="LoadOptions.Duration"/> (less if cancelled), then waits at most one request timeout for the
    /// requests still outstanding. Throws <see cref="HttpRequestException"/> when the preflight request finds the URL unreachable.
    /// </summary>
    public async Task<LoadResult> RunAsync(CancellationToken cancellationToken = default)
    {
        if (options.Duration <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), options.Duration, "the duration must be positive");
        if (options.MaxInFlight < 1) throw new ArgumentOutOfRangeException(nameof(options), options.MaxInFlight, "max in flight must be at least 1");
        RaisePoolMinimum(options.MinPoolThreads);
        using var client = LoadHttpClient.Create(options);
        if (options.Preflight) await Preflight.CheckAsync(client, options.Url, Min(options.Timeout, TimeSpan.FromSeconds(5)), options.Progress, cancellationToken);

        var recorder = new LoadRecorder(options);
        var clock = Stopwatch.StartNew();
        using var progress = options.Progress is { } report
            ? new Timer(_ => report(recorder.ProgressLine(clock.Elapsed)), null, options.ProgressInterval, options.ProgressInterval)
            : null;
        var sender = new RequestSender(client, options, recorder, clock);
        var scheduled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var timing = new Thread(() =>
        {
            try
            {
                Schedule(sender, recorder, clock, cancellationToken);
                scheduled.SetResult();
            }
            catch (Exception e)
            {
                scheduled.SetException(e);
            }
        }) { IsBackground = true, Name = "loadgen schedule" };
        timing.Start();
        await scheduled.Task;

        var deadline = clock.Elapsed + options.Timeout + TimeSpan.FromSeconds(1);
        while (recorder.InFlight > 0 && clock.Elapsed < deadline) await Task.Delay(10, CancellationToken.None);
        progress?.Dispose();
        return recorder.Result(clock.Elapsed);
    }

    private void Schedule(RequestSender sender, LoadRecorder recorder, Stopwatch clock, CancellationToken cancellationToken)
    {
        var schedule = new ArrivalSchedule(options.Rate, options.Duration, options.Seed);
        while (schedule.Next() is { } at && !cancellationToken.IsCancellationRequested)
        {
            WaitUntil(clock, at, cancellationToken);
            if (cancellationToken.IsCancellationRequested) break;
            // Started on this thread: the send time is taken here, immune to a busy thread pool; the request continues asynchronously.
            if (recorder.TryBegin(at)) sender.Send(at);
        }
    }

    /// <summary>Sleeps while the arrival is more than a couple of milliseconds away, then yields until it is due.</summary>
    private static void WaitUntil(Stopwatch clock, TimeSpan at, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var remaining = at - clock.Elapsed;
            if (remaining <= TimeSpan.Zero) return;
            if (remaining > TimeSpan.FromMilliseconds(2)) Thread.Sleep(Min(remaining - TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(100)));
            else Thread.Yield();
        }
    }

    private static void RaisePoolMinimum(int threads)
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        if (workers < threads || io < threads) ThreadPool.SetMinThreads(Math.Max(workers, threads), Math.Max(io, threads));
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
