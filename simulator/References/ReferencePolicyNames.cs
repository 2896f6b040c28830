namespace Pipeline.Simulator.References;

/// <summary>Names of the reference autoscaling policies that only the simulator can run.</summary>
public static class ReferencePolicyNames
{
    /// <summary>Provisioned for the peak demand of the evaluated span, all the time.</summary>
    public const string StaticPeak = "static-peak";

    /// <summary>Knows future demand: provisions what the demand over the next start-up delay (plus one decision period) needs.</summary>
    public const string Oracle = "oracle";
}
