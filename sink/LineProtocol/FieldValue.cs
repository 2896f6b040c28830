using System.Globalization;

namespace Pipeline.Sink.LineProtocol;

/// <summary>Kinds of line-protocol field values.</summary>
public enum FieldKind
{
    Float,
    Integer,
    Boolean,
    String,
}

/// <summary>One field value of a <see cref="Point"/>: a float, an integer (written with the <c>i</c> suffix), a boolean or a string.</summary>
public readonly record struct FieldValue
{
    private FieldValue(FieldKind kind, double number, long integer, string? text)
    {
        Kind = kind;
        Float = number;
        Integer = integer;
        Text = text;
    }

    public FieldKind Kind { get; }
    public double Float { get; }
    public long Integer { get; }

    /// <summary>String value, or null for other kinds.</summary>
    public string? Text { get; }

    /// <summary>Booleans are stored in <see cref="Integer"/> as 0 or 1.</summary>
    public bool Boolean => Integer != 0;

    /// <summary>Line protocol cannot carry NaN or ±Infinity; such fields are left out of the line.</summary>
    public bool IsWritable => Kind != FieldKind.Float || double.IsFinite(Float);

    public static FieldValue Of(double value) => new(FieldKind.Float, value, 0, null);
    public static FieldValue Of(long value) => new(FieldKind.Integer, 0, value, null);
    public static FieldValue Of(bool value) => new(FieldKind.Boolean, 0, value ? 1 : 0, null);
    public static FieldValue Of(string value) => new(FieldKind.String, 0, 0, value);

    public override string ToString() => Kind switch
    {
        FieldKind.Float => Float.ToString("R", CultureInfo.InvariantCulture),
        FieldKind.Integer => Integer.ToString(CultureInfo.InvariantCulture) + "i",
        FieldKind.Boolean => Boolean ? "true" : "false",
        _ => Text ?? "",
    };
}
