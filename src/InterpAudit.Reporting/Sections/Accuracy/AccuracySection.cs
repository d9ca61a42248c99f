using InterpAudit.Accuracy;
using InterpAudit.Results;

namespace InterpAudit.Reporting.Sections;

/// <summary>The report's per-class accuracy section: a bar chart with Wilson intervals and a table.</summary>
internal static class AccuracySection
{
    public static object? Build(AuditResult result)
    {
        if (!result.Measurements.TryGetValue(AccuracyCheck.Family, out object? measured) || measured is not ClassAccuracyResult accuracy)
            return null;
        return Render(accuracy);
    }

    private static object Render(ClassAccuracyResult accuracy)
    {
        const double barArea = 360;
        const int rowHeight = 20;
        IReadOnlyList<double> values = accuracy.Accuracy;
        IReadOnlyList<Interval> intervals = accuracy.Intervals;
        var bars = accuracy.ClassNames.Select((name, i) => new
        {
            name,
            value = Formatting.Number(values[i]),
            y = i * rowHeight + 3,
            midY = i * rowHeight + 10,
            textY = i * rowHeight + 14,
            width = Svg.Px(double.IsNaN(values[i]) ? 0 : values[i] * barArea),
            lowerX = Svg.Px(120 + (double.IsNaN(intervals[i].Lower) ? 0 : intervals[i].Lower * barArea)),
            upperX = Svg.Px(120 + (double.IsNaN(intervals[i].Upper) ? 0 : intervals[i].Upper * barArea)),
            labelX = Svg.Px(120 + barArea + 8),
        }).ToArray();
        return new
        {
            overall = Formatting.Number(accuracy.Overall),
            samples = accuracy.Total.Sum(),
            chartWidth = 120 + (int)barArea + 70,
            chartHeight = accuracy.ClassNames.Count * rowHeight + 6,
            bars,
            rows = accuracy.ClassNames.Select((name, i) => new
            {
                name,
                correct = accuracy.Correct[i],
                total = accuracy.Total[i],
                value = Formatting.Number(values[i]),
                interval = Formatting.Interval(intervals[i]),
            }).ToArray(),
        };
    }
}
