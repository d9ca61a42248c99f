using System.Text.Json;
using static InterpAudit.Reporting.MetricsJsonReader;

namespace InterpAudit.Reporting.Sections;

/// <summary>
/// index.html's circuit section: per class the effective circuit size of every audit that measured it
/// (exact preferred), on one scale, one colour per audit, so equal values get equal bars across audits.
/// </summary>
internal sealed class CircuitComparison : ComparisonSection<CircuitComparisonView>
{
    private static readonly string[] Palette = ["#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860"];
    private const double BarSpan = 360;

    public override string Name => "circuits";

    public override int Order => 10;

    public override CircuitComparisonView? Build(IReadOnlyList<ComparisonPage.Audit> audits)
    {
        var runs = audits.Select((a, i) => (Audit: a.Name, Color: Palette[i % Palette.Length], Circuit: Circuit(a)))
            .Where(r => r.Circuit is not null)
            .Select(r => (r.Audit, r.Color, r.Circuit!.Value.Mode, r.Circuit!.Value.Mean, r.Circuit!.Value.Classes))
            .ToList();
        if (runs.Count == 0) return null;
        List<string> classes = runs.SelectMany(r => r.Classes.Keys).Distinct().ToList();
        double scale = Math.Max(1e-12, runs.SelectMany(r => r.Classes.Values).Where(double.IsFinite).DefaultIfEmpty(1).Max());
        int groupHeight = 12 * runs.Count + 10;
        return new CircuitComparisonView(
            Mode: string.Join(", ", runs.Select(r => r.Mode).Distinct()),
            Width: 560,
            Height: classes.Count * groupHeight,
            Groups: classes.Select((name, g) => new CircuitComparisonView.Group(name, g * groupHeight + 6 * runs.Count + 4,
                runs.Select((r, b) =>
                {
                    double ecs = r.Classes.TryGetValue(name, out double v) ? v : double.NaN;
                    double width = double.IsFinite(ecs) ? BarSpan * ecs / scale : 0;
                    int y = g * groupHeight + 12 * b;
                    return new CircuitComparisonView.Bar(y, Svg.Px(width), r.Color, Svg.Px(126 + width), y + 9,
                        Formatting.Number(ecs), $"{r.Audit}, class {name}: ECS {Formatting.Number(ecs)}");
                }).ToArray())).ToArray(),
            Legend: runs.Select(r => new CircuitComparisonView.Entry(r.Audit, r.Color, Formatting.Number(r.Mean))).ToArray());
    }

    /// <summary>The audit's circuit measurement (exact preferred), or null.</summary>
    private static (string Mode, double Mean, Dictionary<string, double> Classes)? Circuit(ComparisonPage.Audit a)
    {
        if (a.Metrics is not { } metrics || ComparisonPage.CircuitMeasurement(metrics) is not { } circuit) return null;
        return (Text(circuit, "mode"), Number(circuit, "meanEcs"),
            Required(circuit, "classes", JsonValueKind.Array).EnumerateArray().ToDictionary(c => Text(c, "className"), c => Number(c, "ecs")));
    }
}
