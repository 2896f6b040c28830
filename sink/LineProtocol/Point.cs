namespace Pipeline.Sink.LineProtocol;

/// <summary>
/// One InfluxDB point: measurement, tags, fields and a nanosecond timestamp. Built fluently; tags with empty values
/// are left out (line protocol has no empty tag values) and later values of the same key replace earlier ones.
/// </summary>
public sealed class Point
{
    private readonly SortedDictionary<string, string> _tags = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, FieldValue>> _fields = [];

    /// <summary>Creates a point of <paramref name="measurement"/> at <paramref name="timestampNs"/> nanoseconds since the Unix epoch.</summary>
    public Point(string measurement, long timestampNs)
    {
        ArgumentException.ThrowIfNullOrEmpty(measurement);
        Measurement = measurement;
        TimestampNs = timestampNs;
    }

    /// <summary>Creates a point of <paramref name="measurement"/> at <paramref name="time"/>.</summary>
    public Point(string measurement, DateTimeOffset time) : this(measurement, ToUnixNanoseconds(time)) { }

    public string Measurement { get; }
    public long TimestampNs { get; }

    /// <summary>Tags sorted by key (the order InfluxDB recommends for write performance).</summary>
    public IReadOnlyDictionary<string, string> Tags => _tags;

    /// <summary>Fields in insertion order, including ones that are not writable (NaN, ±Infinity).</summary>
    public IReadOnlyList<KeyValuePair<string, FieldValue>> Fields => _fields;

    /// <summary>Whether at least one field can be written; a line needs one.</summary>
    public bool HasWritableFields => _fields.Exists(f => f.Value.IsWritable);

    public Point Tag(string key, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (string.IsNullOrEmpty(value)) _tags.Remove(key);
        else _tags[key] = value;
        return this;
    }

    public Point Field(string key, double value) => Add(key, FieldValue.Of(value));
    public Point Field(string key, long value) => Add(key, FieldValue.Of(value));
    public Point Field(string key, int value) => Add(key, FieldValue.Of(value));
    public Point Field(string key, bool value) => Add(key, FieldValue.Of(value));
    public Point Field(string key, string value) => Add(key, FieldValue.Of(value));

    /// <summary>Nanoseconds since the Unix epoch of <paramref name="time"/> (100 ns resolution).</summary>
    public static long ToUnixNanoseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    private Point Add(string key, FieldValue value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var i = _fields.FindIndex(f => f.Key == key);
        if (i >= 0) _fields[i] = new(key, value);
        else _fields.Add(new(key, value));
        return this;
    }
}
