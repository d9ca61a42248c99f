using InterpAudit.Accuracy;
using InterpAudit.Results;

namespace InterpAudit.Reporting.Sections;

/// <summary>The report's per-class accuracy section: a bar chart with Wilson intervals and a table.</summary>
internal sealed class AccuracySection : ReportSection<AccuracyView>
{
    private const double BarArea = 360;
    private const int RowHeight = 20;

    public override string Name => "accuracy";

    public override int Order => 30;

    public override AccuracyView? Build(AuditResult result)
    {
        if (!result.Measurements.TryGetValue(AccuracyCheck.Measurement.Key, out object? measured) || measured is not ClassAccuracyResult accuracy)
            return null;
        IReadOnlyList<double> values = accuracy.Accuracy;
        IReadOnlyList<Interval> intervals = accuracy.Intervals;
        return new AccuracyView(
            Overall: Formatting.Number(accuracy.Overall),
            Samples: accuracy.Total.Sum(),
            ChartWidth: 120 + (int)BarArea + 70,
            ChartHeight: accuracy.ClassNames.Count * RowHeight + 6,
            Bars: accuracy.ClassNames.Select((name, i) => new AccuracyView.Bar(
                name,
                Formatting.Number(values[i]),
                Y: i * RowHeight + 3,
                MidY: i * RowHeight + 10,
                TextY: i * RowHeight + 14,
                Width: Svg.Px(double.IsNaN(values[i]) ? 0 : values[i] * BarArea),
                LowerX: Svg.Px(120 + (double.IsNaN(intervals[i].Lower) ? 0 : intervals[i].Lower * BarArea)),
                UpperX: Svg.Px(120 + (double.IsNaN(intervals[i].Upper) ? 0 : intervals[i].Upper * BarArea)),
                LabelX: Svg.Px(120 + BarArea + 8))).ToArray(),
            Rows: accuracy.ClassNames.Select((name, i) => new AccuracyView.Row(
                name, accuracy.Correct[i], accuracy.Total[i], Formatting.Number(values[i]), Formatting.Interval(intervals[i]))).ToArray());
    }
}
