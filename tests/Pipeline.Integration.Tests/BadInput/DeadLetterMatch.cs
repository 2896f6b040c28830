using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Contracts.Messages;

namespace Pipeline.Integration.Tests.BadInput;

/// <summary>Finds a case's dead letters, and sums the stages' dead-letter counters from a <c>/metrics</c> page.</summary>
internal static partial class DeadLetterMatch
{
    /// <summary>The dead letters of <paramref name="c"/>: same stage and topic, its bytes (or their kept prefix when truncated).</summary>
    public static List<DeadLetter> Of(BadInputCase c, IEnumerable<DeadLetter> letters) =>
        letters.Where(l => l.Stage == c.Stage && l.SourceTopic == c.Topic && (l.OriginalBytes.AsSpan().SequenceEqual(c.Value)
            || (l.Reason.Contains("truncated", StringComparison.Ordinal) && c.Value.AsSpan().StartsWith(l.OriginalBytes)))).ToList();

    /// <summary>Sum of <c>pipeline_stage_dead_letter_reasons_total</c> over every stage and kind of reason.</summary>
    public static long CountedOnMetrics(string metricsPage) =>
        ReasonLine().Matches(metricsPage).Sum(m => (long)double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^pipeline_stage_dead_letter_reasons_total\{[^}]*\} (?<value>\S+)$", RegexOptions.Multiline)]
    private static partial Regex ReasonLine();
}
