using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Pipeline.Contracts.Messages;

namespace Pipeline.Contracts.Serialization;

/// <summary>The fields of one <see cref="MetricSample"/> as <see cref="MetricSampleJson"/> reads them, starting at the record's defaults.</summary>
internal ref struct MetricSampleFields(MetricSample defaults)
{
    private const int Required = 1 << 1 | 1 << 2 | 1 << 3;
    private int _seen;
    private int _version = defaults.Version, _inFlight = defaults.InFlight;
    private string? _service, _replica;
    private DateTimeOffset _timestamp;
    private double _interval = defaults.IntervalSeconds, _utilization = defaults.Utilization, _latencySum = defaults.LatencySumMs;
    private long _requests = defaults.Requests, _completed = defaults.Completed, _errors = defaults.Errors;
    private long? _memory = defaults.MemoryBytes;
    private bool _ready = defaults.Ready;
    private long[] _latencyCounts = defaults.LatencyCounts;

    /// <summary>Reads the property the reader is on and its value; false when either is not in the plain shape.</summary>
    public bool TryRead(ref Utf8JsonReader reader)
    {
        var field = Field(reader.ValueSpan);
        if (field < 0 || (_seen & 1 << field) != 0 || !reader.Read()) return false;
        _seen |= 1 << field;
        var number = reader.TokenType == JsonTokenType.Number;
        return field switch
        {
            0 => number && reader.TryGetInt32(out _version),
            1 => reader.TokenType == JsonTokenType.String && (_service = reader.GetString()) is not null,
            2 => reader.TokenType == JsonTokenType.String && (_replica = reader.GetString()) is not null,
            3 => reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out _timestamp),
            4 => number && reader.TryGetDouble(out _interval),
            5 => number && reader.TryGetInt64(out _requests),
            6 => number && reader.TryGetInt64(out _completed),
            7 => number && reader.TryGetInt64(out _errors),
            8 => number && reader.TryGetDouble(out _utilization),
            9 => number && reader.TryGetInt32(out _inFlight),
            10 => TryReadBool(ref reader, out _ready),
            11 => TryReadCounts(ref reader),
            12 => number && reader.TryGetDouble(out _latencySum),
            13 => TryReadNullableLong(ref reader, out _memory),
            _ => false,
        };
    }

    public readonly bool TryBuild([NotNullWhen(true)] out MetricSample? sample)
    {
        sample = (_seen & Required) != Required ? null : new MetricSample
        {
            Version = _version, Service = _service!, Replica = _replica!, Timestamp = _timestamp, IntervalSeconds = _interval,
            Requests = _requests, Completed = _completed, Errors = _errors, Utilization = _utilization, InFlight = _inFlight,
            Ready = _ready, LatencyCounts = _latencyCounts, LatencySumMs = _latencySum, MemoryBytes = _memory,
        };
        return sample is not null;
    }

    /// <summary>Reads the counts into a stack buffer and allocates only the exact array (none for an empty one).</summary>
    private bool TryReadCounts(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray) return false;
        Span<long> counts = stackalloc long[LatencyBuckets.Count];
        long[]? grown = null;
        var n = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.Number)
        {
            if (n == counts.Length)
            {
                grown = new long[n * 2];
                counts.CopyTo(grown);
                counts = grown;
            }
            if (!reader.TryGetInt64(out counts[n++])) return false;
        }
        if (reader.TokenType != JsonTokenType.EndArray) return false;
        _latencyCounts = n == 0 ? [] : counts[..n].ToArray();
        return true;
    }

    private static bool TryReadBool(ref Utf8JsonReader reader, out bool value)
    {
        value = reader.TokenType == JsonTokenType.True;
        return reader.TokenType is JsonTokenType.True or JsonTokenType.False;
    }

    private static bool TryReadNullableLong(ref Utf8JsonReader reader, out long? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var v)) return false;
        value = v;
        return true;
    }

    private static int Field(ReadOnlySpan<byte> name) => name switch
    {
        _ when name.SequenceEqual("version"u8) => 0,
        _ when name.SequenceEqual("service"u8) => 1,
        _ when name.SequenceEqual("replica"u8) => 2,
        _ when name.SequenceEqual("timestamp"u8) => 3,
        _ when name.SequenceEqual("intervalSeconds"u8) => 4,
        _ when name.SequenceEqual("requests"u8) => 5,
        _ when name.SequenceEqual("completed"u8) => 6,
        _ when name.SequenceEqual("errors"u8) => 7,
        _ when name.SequenceEqual("utilization"u8) => 8,
        _ when name.SequenceEqual("inFlight"u8) => 9,
        _ when name.SequenceEqual("ready"u8) => 10,
        _ when name.SequenceEqual("latencyCounts"u8) => 11,
        _ when name.SequenceEqual("latencySumMs"u8) => 12,
        _ when name.SequenceEqual("memoryBytes"u8) => 13,
        _ => -1,
    };
}
