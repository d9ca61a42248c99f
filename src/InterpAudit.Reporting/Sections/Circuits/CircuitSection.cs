using InterpAudit.Checks;
using System.Globalization;
using InterpAudit.Circuits;
using InterpAudit.Results;

namespace InterpAudit.Reporting.Sections;

/// <summary>
/// The report's circuit section: per class the effective circuit size as bars (exact blue, fast
/// grey, the committed baseline's exact value as a tick), a table with the losses and the zeroed
/// weights per layer, the two modes' agreement, and the caveats every ECS figure needs.
/// </summary>
internal sealed class CircuitSection : ReportSection<CircuitView>
{
    private const double BarArea = 360, Left = 120, RowHeight = 26;

    public override string Name => "circuits";

    public override int Order => 70;

    public override CircuitView? Build(AuditResult result)
    {
        var measured = result.Measurements.Values.OfType<CircuitSizeResult>().ToList();
        if (measured.Count == 0) return null;
        return new CircuitView(CircuitSizeResult.Caveats,
            measured.GroupBy(m => m.MaxSamplesPerClass).OrderBy(g => g.Key).Select(g => Run(result, g.Key,
                g.FirstOrDefault(m => m.Mode == "exact"), g.FirstOrDefault(m => m.Mode == "fast"))).ToArray());
    }

    private static CircuitView.Run Run(AuditResult result, int cap, CircuitSizeResult? exact, CircuitSizeResult? fast)
    {
        CircuitSizeResult any = exact ?? fast!;
        result.Measurements.TryGetValue(CircuitCheck.MeasurementOf("agreement", new CircuitOptions(cap)).Key, out object? found);
        var agreement = found as CircuitAgreement;
        IReadOnlyList<string> names = any.Classes.Select(c => c.ClassName).ToArray();
        double[] baseline = names.Select(name => Baseline(result, CircuitCheck.ScopeOf(name, exact is null, cap))).ToArray();
        double largest = any.Classes.Select(c => c.Ecs).Concat(fast?.Classes.Select(c => c.Ecs) ?? []).Concat(baseline)
            .Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).Max();
        double scale = NiceCeiling(largest);
        double Width(double v) => double.IsNaN(v) ? 0 : Math.Min(1, v / scale) * BarArea;

        return new CircuitView.Run(
            Chain: any.Chain,
            Criterion: any.Criterion,
            Cap: cap,
            Weights: any.Weights.ToString("N0", CultureInfo.InvariantCulture),
            HasExact: exact is not null,
            HasFast: fast is not null,
            ExactMean: exact is null ? null : Fraction(exact.MeanEcs),
            FastMean: fast is null ? null : Fraction(fast.MeanEcs),
            Judged: exact is null ? "fast" : "exact",
            Unjudged: exact is not null && fast is not null ? "fast" : null,
            Agreement: agreement is null ? null : new CircuitView.Agreement(
                Fraction(agreement.MeanAbsoluteDifference), Fraction(agreement.MaxAbsoluteDifference), Fraction(agreement.MeanJaccard)),
            Scale: Fraction(scale),
            ChartWidth: (int)(Left + BarArea + (exact is not null && fast is not null ? 150 : 80)),
            ChartHeight: (int)(names.Count * RowHeight + 22),
            AxisY: Svg.Px(names.Count * RowHeight + 4),
            AxisEnd: Svg.Px(Left + BarArea),
            ScaleY: Svg.Px(names.Count * RowHeight + 18),
            Bars: names.Select((name, i) => new CircuitView.Bar(
                Name: name,
                TextY: Svg.Px(i * RowHeight + 14),
                ExactY: Svg.Px(i * RowHeight + 3),
                FastY: Svg.Px(i * RowHeight + (exact is null ? 3 : 15)),
                ExactWidth: exact is null ? null : Svg.Px(Width(exact.Classes[i].Ecs)),
                FastWidth: fast is null ? null : Svg.Px(Width(fast.Classes[i].Ecs)),
                Value: exact is not null && fast is not null
                    ? $"{Fraction(exact.Classes[i].Ecs)} · fast {Fraction(fast.Classes[i].Ecs)}"
                    : Fraction((exact ?? fast!).Classes[i].Ecs),
                LabelX: Svg.Px(Left + BarArea + 8),
                HasBaseline: !double.IsNaN(baseline[i]),
                BaselineX: Svg.Px(Left + Width(baseline[i])),
                BaselineY1: Svg.Px(i * RowHeight + 1),
                BaselineY2: Svg.Px(i * RowHeight + (exact is not null && fast is not null ? 25 : 15)))).ToArray(),
            Rows: names.Select((name, i) =>
            {
                ClassCircuit main = (exact ?? fast!).Classes[i];
                return new CircuitView.Row(
                    Name: name,
                    Samples: main.Samples,
                    Ecs: Fraction(main.Ecs),
                    Baseline: double.IsNaN(baseline[i]) ? "—" : Fraction(baseline[i]),
                    Zeroed: string.Join(" / ", main.ZeroedPerLayer.Select((z, l) => $"{any.Layers[l]} {z:N0}")),
                    Loss: $"{Loss(main.OriginalLoss)} → {Loss(main.PrunedLoss)}");
            }).ToArray(),
            // Fast beside exact is measured for comparison only: the checks judge exact when it ran.
            UnjudgedRows: exact is null || fast is null ? [] : names.Select((name, i) => new CircuitView.UnjudgedRow(
                Name: name,
                Ecs: Fraction(fast.Classes[i].Ecs),
                Difference: agreement is null ? "—" : Fraction(Math.Abs(agreement.EcsDifference[i])),
                Jaccard: agreement is null ? "—" : Fraction(agreement.Jaccard[i]))).ToArray());
    }

    /// <summary>The committed baseline's value of the judged ECS in <paramref name="scope"/>, when the audit has one.</summary>
    private static double Baseline(AuditResult result, string scope)
    {
        var judged = new MetricId(FamilyName.Of(typeof(CircuitCheckAttribute)), "ecs", scope);
        CheckResult? check = result.Checks.FirstOrDefault(c => c.Id == judged && c.Baseline is { Status: not RegressionStatus.New });
        return check?.Baseline?.BaselineValue ?? double.NaN;
    }

    /// <summary>
    /// The smallest of 0.05, 0.1, 0.2, 0.5, 1 at or above the largest bar (ECS is often a few
    /// percent), allowing for round-off so that 1 − 95/100 still fits under 0.05.
    /// </summary>
    private static double NiceCeiling(double largest) =>
        new[] { 0.05, 0.1, 0.2, 0.5 }.FirstOrDefault(s => largest <= s * (1 + 1e-9), 1.0);

    private static string Fraction(double value) => double.IsNaN(value) ? "NaN" : value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Loss(double value) => double.IsNaN(value) ? "NaN" : value.ToString("0.0000", CultureInfo.InvariantCulture);
}
