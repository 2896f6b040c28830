using Pipeline.Ingest.Sources.Prometheus.Exposition;

namespace Pipeline.Stages.Tests.Ingest.Prometheus;

public sealed class ExpositionParserTests
{
    private const string Text = """
        # HELP requests_total Requests.
        # TYPE requests_total counter
        requests_total{path="/a \"b\"",code="200"} 1027 1395066363000
        requests_total{code="500"} 3
        # TYPE latency_seconds histogram
        latency_seconds_bucket{le="0.1"} 2
        latency_seconds_bucket{le="+Inf"} 5
        latency_seconds_sum 1.5e+00
        temperature NaN
        broken{le="1" 4
        minus_inf -Inf
        """;

    [Fact]
    public void Parse_CounterHistogramAndEscapes_ReadsEverySampleWithLabels()
    {
        var document = ExpositionParser.Parse(Text);

        Assert.Equal("counter", document.Types["requests_total"]);
        Assert.Equal("histogram", document.Types["latency_seconds"]);
        var first = document.Samples[0];
        Assert.Equal(("requests_total", "/a \"b\"", "200", 1027.0), (first.Name, first.Label("path"), first.Label("code"), first.Value));
        Assert.Equal("+Inf", document.Samples.Single(s => s.Value == 5).Label("le"));
        Assert.Equal(1.5, document.Samples.Single(s => s.Name == "latency_seconds_sum").Value);
        Assert.True(double.IsNaN(document.Samples.Single(s => s.Name == "temperature").Value));
        Assert.Equal(double.NegativeInfinity, document.Samples.Single(s => s.Name == "minus_inf").Value);
    }

    [Fact]
    public void Parse_MalformedLine_SkippedAndReportedWithLineNumber()
    {
        var document = ExpositionParser.Parse(Text);

        Assert.DoesNotContain(document.Samples, s => s.Name == "broken");
        var problem = Assert.Single(document.Problems);
        Assert.StartsWith("line 10:", problem);
    }

    [Fact]
    public void Matches_LabelMatchers_SelectLikePromQl()
    {
        var samples = ExpositionParser.Parse(Text).Samples;

        Assert.Equal(3, samples.Where(s => SeriesSelector.Parse("requests_total{code=~\"5..\"}").Matches(s)).Sum(s => s.Value));
        Assert.Equal(1027, samples.Where(s => SeriesSelector.Parse("requests_total{code!=\"500\"}").Matches(s)).Sum(s => s.Value));
        Assert.Equal(7, samples.Where(s => SeriesSelector.Parse("latency_seconds").Matches(s, "_bucket")).Sum(s => s.Value));
    }
}
