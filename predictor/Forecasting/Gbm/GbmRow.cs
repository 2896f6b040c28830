using Microsoft.ML.Data;

namespace Pipeline.Predictor.Forecasting.Gbm;

/// <summary>One training or prediction row of the <c>gbm</c> forecaster (public because ML.NET binds it by reflection).</summary>
public sealed class GbmRow
{
    /// <summary>The features of <see cref="GbmFeatures"/>.</summary>
    [VectorType(GbmFeatures.Count)]
    public float[] Features { get; set; } = new float[GbmFeatures.Count];

    /// <summary>log1p(count at the target) minus the recent log level.</summary>
    public float Label { get; set; }
}

/// <summary>The regression output bound by ML.NET.</summary>
public sealed class GbmScore
{
    /// <summary>Predicted label.</summary>
    public float Score { get; set; }
}
