using System.Globalization;
using System.Text;

namespace Pipeline.Predictor.Routing.Learned;

/// <summary>Builds the one-line explanation of a <c>learned</c> decision: who got less than an equal share, and why.</summary>
internal static class LearnedExplanation
{
    /// <summary>Replicas listed at most.</summary>
    public const int MaxListed = 3;

    public static string Build(int ready, int reported, IReadOnlyDictionary<string, double> weights, IReadOnlyDictionary<string, string> notes, IReadOnlyList<string> ejections)
    {
        if (reported == 0) return "no replica reported in the window -> no weights";
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{ready} ready of {reported}");
        foreach (var e in ejections) text.Append("; ").Append(e);
        var equal = ready > 0 ? 1.0 / ready : 0;
        var less = weights.Where(w => notes.ContainsKey(w.Key) && w.Value < 0.75 * equal)
            .OrderBy(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).Take(MaxListed).ToList();
        foreach (var (replica, weight) in less)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {replica} gets {weight:0.###} ({weight / equal - 1:+0%;-0%} vs equal): {notes[replica]}");
        }
        if (less.Count == 0 && ejections.Count == 0) text.Append(CultureInfo.InvariantCulture, $"; weights within 25% of equal ({equal:0.###})");
        return text.ToString();
    }
}
