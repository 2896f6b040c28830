using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Pipeline.Features.Streamiz;

/// <summary>
/// The one logger factory every Streamiz stream in the process gets. Streamiz keeps the factory of the last
/// configuration in a static, so a host's own factory would be used by other hosts' streams after that host disposed
/// it (seen as ObjectDisposedException when hosts run side by side, as in the tests). This one is never disposed and
/// forwards to the factory of the host that attached last, until it detaches.
/// </summary>
internal sealed class StreamizLogging : ILoggerFactory
{
    private ILoggerFactory _target = NullLoggerFactory.Instance;

    public static StreamizLogging Instance { get; } = new();

    /// <summary>Forwards Streamiz's logs to <paramref name="target"/> until the result is disposed.</summary>
    public IDisposable Attach(ILoggerFactory target)
    {
        Volatile.Write(ref _target, target);
        return new Detach(this, target);
    }

    public ILogger CreateLogger(string categoryName) => new Forwarding(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Detach(StreamizLogging owner, ILoggerFactory target) : IDisposable
    {
        public void Dispose() => Interlocked.CompareExchange(ref owner._target, NullLoggerFactory.Instance, target);
    }

    private sealed class Forwarding(StreamizLogging owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => Target()?.IsEnabled(logLevel) ?? false;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Target()?.Log(logLevel, eventId, state, exception, formatter);

        private ILogger? Target()
        {
            try
            {
                return Volatile.Read(ref owner._target).CreateLogger(category);
            }
            catch (ObjectDisposedException)
            {
                return null; // the host stopped between detaching and this call
            }
        }
    }
}
