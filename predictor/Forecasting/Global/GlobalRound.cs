namespace Pipeline.Predictor.Forecasting.Global;

/// <summary>What one global training round took: services pooled, rows per horizon model, and the time of its two halves.</summary>
/// <param name="Services">Services in the fleet when the rows were sampled.</param>
/// <param name="RowsPerHorizon">Training rows of each horizon's model.</param>
/// <param name="Sampling">Choosing origins and computing their features (on the decision thread).</param>
/// <param name="Fitting">Fitting the models (on a background task when training in the background).</param>
public sealed record GlobalRound(int Services, int RowsPerHorizon, TimeSpan Sampling, TimeSpan Fitting)
{
    /// <summary>Sampling plus fitting.</summary>
    public TimeSpan Total => Sampling + Fitting;
}
