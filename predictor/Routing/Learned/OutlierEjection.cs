namespace Pipeline.Predictor.Routing.Learned;

/// <summary>
/// The ejection rules shared by the data plane (per response) and the routing policy (per window). Pure functions of
/// their inputs. Budget: at most <see cref="OutlierEjectionOptions.MaxEjectionPercent"/> of the replicas, rounded
/// down, but at least one when there are two or more replicas (Envoy ejects one host even when 10% rounds to zero),
/// and never the last one. Ejection time: base x (number of ejections), capped at the maximum (Envoy's rule).
/// </summary>
public static class OutlierEjection
{
    /// <summary>How many of <paramref name="replicas"/> may be ejected at the same time.</summary>
    public static int Budget(int replicas, double maxEjectionPercent)
    {
        if (replicas < 2) return 0;
        var share = (int)Math.Floor(replicas * maxEjectionPercent / 100 + 1e-9);
        return Math.Clamp(share, 1, replicas - 1);
    }

    /// <summary>Seconds the <paramref name="ejections"/>-th ejection (1 = first) lasts.</summary>
    public static double EjectionSeconds(int ejections, OutlierEjectionOptions options)
    {
        var baseSeconds = options.BaseEjectionTime.TotalSeconds;
        var max = Math.Max(baseSeconds, options.MaxEjectionTime.TotalSeconds);
        return Math.Min(baseSeconds * Math.Max(1, ejections), max);
    }
}
