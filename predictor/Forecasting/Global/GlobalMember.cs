namespace Pipeline.Predictor.Forecasting.Global;

/// <summary>One service of a <see cref="GlobalGbm"/> fleet: its live history and the training rows it counted.</summary>
internal sealed class GlobalMember(string service)
{
    public string Service { get; } = service;

    /// <summary>The service's history (bound at join, or at its first forecast when joined without one).</summary>
    public RateHistory? History { get; set; }

    /// <summary>Training rows of this service last added to the fleet's schedule.</summary>
    public long Rows { get; set; }

    /// <summary>Next origin to offer to the fleet's captured rows (<see cref="GlobalRowReservoir"/>).</summary>
    public long NextOrigin { get; set; }

    /// <summary>Whether the service has left the fleet (its view then forecasts without counting towards the schedule).</summary>
    public bool Left { get; set; }
}
