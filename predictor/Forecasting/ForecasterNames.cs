namespace Pipeline.Predictor.Forecasting;

/// <summary>Built-in forecaster names.</summary>
public static class ForecasterNames
{
    /// <summary>Same time yesterday or last week, whichever erred less recently.</summary>
    public const string SeasonalNaive = "seasonal-naive";

    /// <summary>Additive Holt-Winters with a daily season.</summary>
    public const string HoltWinters = "holt-winters";

    /// <summary>Gradient-boosted trees (ML.NET FastTree) on lag, rolling and calendar features.</summary>
    public const string Gbm = "gbm";

    /// <summary>
    /// One <c>gbm</c> model per horizon shared by every service of a policy, trained on rows pooled from all their
    /// histories (<see cref="Global.GlobalGbm"/>); created alone from the registry it is a fleet of one.
    /// </summary>
    public const string GbmGlobal = "gbm-global";

    /// <summary>Every built-in name.</summary>
    public static IReadOnlyList<string> All { get; } = [SeasonalNaive, HoltWinters, Gbm, GbmGlobal];
}
