namespace Pipeline.Docs.Tests;

/// <summary>The sentences of README.md's "Results" that quote evaluate figures, with the runs they come from.</summary>
internal static class ReadmeClaims
{
    private const string Sla = "slaViolationRate";
    private const string Cost = "replicaHours";
    private const string Latency = "scalingDecisionLatencyS";
    private const string Utilization = "utilization";
    private const string Avg = "avgResponseMs";

    public static IReadOnlyList<ProseClaim> All()
    {
        var nasa = ResultFile.Load("nasa-7d");
        var wiki = ResultFile.Load("wiki-7d");
        return [.. Wikipedia(wiki), .. SecondWeek(ResultFile.Load("nasa-7d-from-14d"), ResultFile.Load("wiki-7d-from-14d")), .. Verdict(nasa, wiki)];
    }

    private static IEnumerable<ProseClaim> Wikipedia(ResultFile wiki)
    {
        var (hpa, predictive, oracle, staticPeak) = (wiki.Run("hpa"), wiki.Run("predictive"), wiki.Run("oracle"), wiki.Run("static-peak"));
        foreach (var run in new[] { wiki.Run("hpa", "round-robin"), hpa, predictive, oracle, staticPeak })
        {
            Assert.True(run.Value(Sla) <= 0.001, $"README says every policy meets the SLA on Wikipedia; {run.Name} has {run.Value(Sla):P4}");
        }
        yield return new("service time's own tail: hpa {}%, predictive {}%)", Figure.Of(hpa, Sla, 100), Figure.Of(predictive, Sla, 100));
        yield return new("replica-hours hpa {}, predictive {} ({}%, {}× the oracle), oracle {}, static-peak {};",
            Figure.Of(hpa, Cost), Figure.Of(predictive, Cost), Figure.Percent(predictive, hpa, Cost),
            Figure.Ratio(predictive, oracle, Cost), Figure.Of(oracle, Cost), Figure.Of(staticPeak, Cost));
        yield return new("utilization {} → {}; scaling decision latency hpa {} s", Figure.Of(hpa, Utilization),
            Figure.Of(predictive, Utilization), Figure.Of(hpa, Latency));
        yield return new("for long stretches), predictive {} s (see", Figure.Of(predictive, Latency));
    }

    private static IEnumerable<ProseClaim> SecondWeek(ResultFile nasa, ResultFile wiki)
    {
        var (hpa, predictive, oracle) = (nasa.Run("hpa"), nasa.Run("predictive"), nasa.Run("oracle"));
        yield return new("NASA predictive {}% violations vs hpa + least-request {}% ({}%; the SLA met),",
            Figure.Of(predictive, Sla, 100), Figure.Of(hpa, Sla, 100), Figure.Percent(predictive, hpa, Sla));
        yield return new("{} vs {} replica-hours ({}%; {}× the oracle's {}); Wikipedia",
            Figure.Of(predictive, Cost), Figure.Of(hpa, Cost), Figure.Percent(predictive, hpa, Cost),
            Figure.Ratio(predictive, oracle, Cost), Figure.Of(oracle, Cost));
        (hpa, predictive, oracle) = (wiki.Run("hpa"), wiki.Run("predictive"), wiki.Run("oracle"));
        yield return new("Wikipedia {} vs {} replica-hours ({}%, {}× the oracle's {}), violations {}% vs {}%, decision latency {} s vs {} s.",
            Figure.Of(predictive, Cost), Figure.Of(hpa, Cost), Figure.Percent(predictive, hpa, Cost),
            Figure.Ratio(predictive, oracle, Cost), Figure.Of(oracle, Cost), Figure.Of(predictive, Sla, 100),
            Figure.Of(hpa, Sla, 100), Figure.Of(predictive, Latency), Figure.Of(hpa, Latency));
    }

    /// <summary>The "What this says" list: its figures against hpa + round-robin or hpa + least-request as each says.</summary>
    private static IEnumerable<ProseClaim> Verdict(ResultFile nasa, ResultFile wiki)
    {
        var (rr, hpa, predictive) = (nasa.Run("hpa", "round-robin"), nasa.Run("hpa"), nasa.Run("predictive"));
        var (wikiHpa, wikiPredictive) = (wiki.Run("hpa"), wiki.Run("predictive"));
        yield return new("SLA violations ({}% vs HPA on NASA;", Figure.Percent(predictive, rr, Sla));
        yield return new("dropped requests ({}→{}); on Wikipedia cost {}% at the same SLA with utilization {}→{}.",
            Figure.Of(rr, "droppedRequests"), Figure.Of(predictive, "droppedRequests"), Figure.Percent(wikiPredictive, wikiHpa, Cost),
            Figure.Of(wikiHpa, Utilization), Figure.Of(wikiPredictive, Utilization));
        yield return new("Cost: {}% on Wikipedia (the paper −22%) and {}% on NASA at {}% violations against hpa + least-request ({}× the utilization oracle);",
            Figure.Percent(wikiPredictive, wikiHpa, Cost), Figure.Percent(predictive, hpa, Cost), Figure.Percent(predictive, hpa, Sla),
            Figure.Ratio(predictive, nasa.Run("oracle"), Cost));
        yield return new("{} s on NASA vs the HPA's {} s, {} s vs {} s on Wikipedia.",
            Figure.Of(predictive, Latency), Figure.Of(hpa, Latency), Figure.Of(wikiPredictive, Latency), Figure.Of(wikiHpa, Latency));
        yield return new("Average response {}% (paper −34.5%): HPA's average is only {}% above the bare 200 ms service time, " +
            "so even the oracle and static peak provisioning get only {}%/{}%;",
            Figure.Percent(predictive, rr, Avg), new Figure(rr.Value(Avg) / 2 - 100, $"{rr.Name} {Avg} vs 200 ms change %"),
            Figure.Percent(nasa.Run("oracle"), rr, Avg), Figure.Percent(nasa.Run("static-peak"), rr, Avg));
        yield return new("Utilization: {} vs HPA's {} on NASA", Figure.Of(predictive, Utilization), Figure.Of(rr, Utilization));
    }
}
