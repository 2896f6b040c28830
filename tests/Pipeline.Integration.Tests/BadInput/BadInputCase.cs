using Pipeline.Contracts.Topics;

namespace Pipeline.Integration.Tests.BadInput;

/// <summary>
/// One kind of input of the corpus: the record sent to <paramref name="Topic"/> and what must happen to it, either
/// processed (<paramref name="Reason"/> null: no dead letter) or exactly one dead letter whose reason contains
/// <paramref name="Reason"/>.
/// </summary>
internal sealed record BadInputCase(string Kind, string Topic, string Key, byte[] Value, string? Reason)
{
    /// <summary>The stage that reads <see cref="Topic"/> and dead-letters what it cannot use.</summary>
    public string Stage => Topic switch
    {
        TopicNames.Metrics => "features",
        TopicNames.Features or TopicNames.Actuations => "predictor",
        _ => "actuator",
    };

    public override string ToString() => $"{Kind} ({Topic})";
}
