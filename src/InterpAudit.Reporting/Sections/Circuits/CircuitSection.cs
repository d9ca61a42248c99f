using System.Globalization;
using InterpAudit.Circuits;
using InterpAudit.Results;

namespace InterpAudit.Reporting.Sections;

/// <summary>
/// The report's circuit section: per class the effective circuit size as bars (exact blue, fast
/// grey, the committed baseline's exact value as a tick), a table with the losses and the zeroed
/// weights per layer, the two modes' agreement, and the caveats every ECS figure needs.
/// </summary>
internal static class CircuitSection
{
    private const double BarArea = 360, Left = 120, RowHeight = 26;

    public static object? Build(AuditResult result)
    {
        var measured = result.Measurements.Values.OfType<CircuitSizeResult>().ToList();
        if (measured.Count == 0) return null;
        return new
        {
            caveats = CircuitSizeResult.Caveats,
            runs = measured.GroupBy(m => m.MaxSamplesPerClass).OrderBy(g => g.Key).Select(g => Run(result, g.Key,
                g.FirstOrDefault(m => m.Mode == "exact"), g.FirstOrDefault(m => m.Mode == "fast"))).ToArray(),
        };
    }

    private static object Run(AuditResult result, int cap, CircuitSizeResult? exact, CircuitSizeResult? fast)
    {
        CircuitSizeResult any = exact ?? fast!;
        result.Measurements.TryGetValue(CircuitCheck.MeasurementKey("agreement", new CircuitOptions(cap)), out object? found);
        var agreement = found as CircuitAgreement;
        IReadOnlyList<string> names = any.Classes.Select(c => c.ClassName).ToArray();
        double[] baseline = names.Select(name => Baseline(result, name)).ToArray();
        double largest = any.Classes.Select(c => c.Ecs).Concat(fast?.Classes.Select(c => c.Ecs) ?? []).Concat(baseline)
            .Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).Max();
        double scale = NiceCeiling(largest);
        double Width(double v) => double.IsNaN(v) ? 0 : Math.Min(1, v / scale) * BarArea;

        return new
        {
            chain = any.Chain,
            criterion = any.Criterion,
            cap,
            weights = any.Weights.ToString("N0", CultureInfo.InvariantCulture),
            hasExact = exact is not null,
            hasFast = fast is not null,
            exactMean = exact is null ? null : Fraction(exact.MeanEcs),
            fastMean = fast is null ? null : Fraction(fast.MeanEcs),
            agreement = agreement is null ? null : new
            {
                meanDifference = Fraction(agreement.MeanAbsoluteDifference),
                maxDifference = Fraction(agreement.MaxAbsoluteDifference),
                meanJaccard = Fraction(agreement.MeanJaccard),
            },
            scale = Fraction(scale),
            chartWidth = (int)(Left + BarArea + (exact is not null && fast is not null ? 150 : 80)),
            chartHeight = (int)(names.Count * RowHeight + 22),
            axisY = Svg.Px(names.Count * RowHeight + 4),
            axisEnd = Svg.Px(Left + BarArea),
            scaleY = Svg.Px(names.Count * RowHeight + 18),
            bars = names.Select((name, i) => new
            {
                name,
                textY = Svg.Px(i * RowHeight + 14),
                exactY = Svg.Px(i * RowHeight + 3),
                fastY = Svg.Px(i * RowHeight + (exact is null ? 3 : 15)),
                exactWidth = exact is null ? null : Svg.Px(Width(exact.Classes[i].Ecs)),
                fastWidth = fast is null ? null : Svg.Px(Width(fast.Classes[i].Ecs)),
                value = exact is not null && fast is not null
                    ? $"{Fraction(exact.Classes[i].Ecs)} · fast {Fraction(fast.Classes[i].Ecs)}"
                    : Fraction((exact ?? fast!).Classes[i].Ecs),
                labelX = Svg.Px(Left + BarArea + 8),
                hasBaseline = !double.IsNaN(baseline[i]),
                baselineX = Svg.Px(Left + Width(baseline[i])),
                baselineY1 = Svg.Px(i * RowHeight + 1),
                baselineY2 = Svg.Px(i * RowHeight + (exact is not null && fast is not null ? 25 : 15)),
            }).ToArray(),
            rows = names.Select((name, i) =>
            {
                ClassCircuit main = (exact ?? fast!).Classes[i];
                return new
                {
                    name,
                    samples = main.Samples,
                    exact = exact is null ? "—" : Fraction(exact.Classes[i].Ecs),
                    fast = fast is null ? "—" : Fraction(fast.Classes[i].Ecs),
                    difference = agreement is null ? "—" : Fraction(Math.Abs(agreement.EcsDifference[i])),
                    jaccard = agreement is null ? "—" : Fraction(agreement.Jaccard[i]),
                    baseline = double.IsNaN(baseline[i]) ? "—" : Fraction(baseline[i]),
                    zeroed = string.Join(" / ", main.ZeroedPerLayer.Select((z, l) => $"{any.Layers[l]} {z:N0}")),
                    loss = $"{Loss(main.OriginalLoss)} → {Loss(main.PrunedLoss)}",
                };
            }).ToArray(),
        };
    }

    /// <summary>The committed baseline's value of the judged ECS of a class, when the audit has one.</summary>
    private static double Baseline(AuditResult result, string className)
    {
        CheckResult? check = result.Checks.FirstOrDefault(c => c.Family == CircuitCheck.Family && c.Metric == "ecs"
            && (c.Scope == $"class={className}" || c.Scope.StartsWith($"class={className},", StringComparison.Ordinal))
            && c.Baseline is { Status: not RegressionStatus.New });
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
