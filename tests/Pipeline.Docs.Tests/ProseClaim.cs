using System.Text.RegularExpressions;

namespace Pipeline.Docs.Tests;

/// <summary>
/// A sentence of a document with its figures: <paramref name="Template"/> is the text as printed with each figure
/// replaced by <c>{}</c> (bold marks dropped, any whitespace or line break between words); the figures fill the
/// placeholders in order.
/// </summary>
internal sealed record ProseClaim(string Template, params Figure[] Figures)
{
    /// <summary>Checks every occurrence of the sentence in the document's text; fails when there is none.</summary>
    public void Check(FigureCheck check, string document, string text)
    {
        var parts = Template.Split("{}");
        if (parts.Length - 1 != Figures.Length) throw new InvalidOperationException($"'{Template}': {parts.Length - 1} placeholders, {Figures.Length} figures");
        var pattern = string.Join($"({PrintedNumber.Pattern})", parts.Select(Literal));
        var plain = text.Replace("**", "", StringComparison.Ordinal);
        var matches = Regex.Matches(plain, pattern);
        if (matches.Count == 0)
        {
            check.Fail(document, 0, $"no sentence matches '{Template}' (reworded? update the claim in {nameof(ReadmeClaims)})");
            return;
        }
        foreach (Match match in matches)
        {
            for (var i = 0; i < Figures.Length; i++)
            {
                var group = match.Groups[i + 1];
                var line = plain.AsSpan(0, group.Index).Count('\n') + 1;
                check.Compare(document, line, group.Value, Figures[i].Value, Figures[i].Source);
            }
        }
    }

    private static string Literal(string part) => Regex.Replace(Regex.Escape(part), @"(\\ |\s)+", @"\s+");
}
