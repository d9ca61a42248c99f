using InterpAudit.Results;

namespace InterpAudit.Baselines;

/// <summary>
/// How far a declared bound lies from the calibration runs, in units of their spread: (mean − min)/s
/// for a Min bound, (max − mean)/s for a Max bound. Below about 3, a fair retrain fails the threshold
/// now and then; negative, the mean itself fails it. Infinite when the runs did not vary.
/// </summary>
public static class BoundMargin
{
    public static double InSpreads(Threshold bound, double mean, double spread)
    {
        double room = bound.Kind == BoundKind.Min ? mean - bound.Value : bound.Value - mean;
        if (double.IsNaN(room)) return double.NaN;
        if (spread <= 0) return room >= 0 ? double.PositiveInfinity : double.NegativeInfinity;
        return room / spread;
    }
}
