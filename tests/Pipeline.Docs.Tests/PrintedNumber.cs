using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Docs.Tests;

/// <summary>A number as a document prints it: sign (− or +), thousands commas, some decimals.</summary>
internal static partial class PrintedNumber
{
    /// <summary>A printed number; the minus may be U+2212.</summary>
    public const string Pattern = @"[−+-]?\d[\d,]*(?:\.\d+)?";

    /// <summary>Every printed number in the text, in order.</summary>
    public static IEnumerable<string> All(string text) => NumberRegex().Matches(text).Select(m => m.Value);

    /// <summary>True when <paramref name="actual"/> rounded to the printed decimals is the printed value.</summary>
    public static bool Matches(string printed, double actual)
    {
        var normalized = printed.Replace('−', '-').Replace(",", "", StringComparison.Ordinal);
        if (!double.TryParse(normalized, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return false;
        var dot = normalized.IndexOf('.', StringComparison.Ordinal);
        var decimals = dot < 0 ? 0 : normalized.Length - dot - 1;
        var halfStep = 0.5 * Math.Pow(10, -decimals);
        return Math.Abs(actual - value) <= halfStep * (1 + 1e-9);
    }

    [GeneratedRegex(Pattern)]
    private static partial Regex NumberRegex();
}
