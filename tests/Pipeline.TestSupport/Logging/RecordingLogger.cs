using Microsoft.Extensions.Logging;

namespace Pipeline.TestSupport.Logging;

/// <summary>An <see cref="ILogger"/> that keeps every formatted message (with its exception's message), for asserting what a component reported.</summary>
public sealed class RecordingLogger : ILogger
{
    private readonly List<string> _messages = [];

    /// <summary>Messages logged so far, oldest first.</summary>
    public IReadOnlyList<string> Messages { get { lock (_messages) return [.. _messages]; } }

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var text = $"{logLevel}: {formatter(state, exception)}" + (exception is null ? "" : $" ({exception.Message})");
        lock (_messages) _messages.Add(text);
    }
}

/// <summary>A <see cref="RecordingLogger"/> for components that take an <see cref="ILogger{T}"/>.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly RecordingLogger _inner = new();

    /// <summary>Messages logged so far, oldest first.</summary>
    public IReadOnlyList<string> Messages => _inner.Messages;

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _inner.Log(logLevel, eventId, state, exception, formatter);
}
