namespace InterpAudit.Information;

/// <summary>The parameters of the information measurements; defaults are the spec's (mi.md).</summary>
public sealed record InformationOptions
{
    /// <summary>Most principal components a layer is reduced to (k).</summary>
    public int Components { get; init; } = 16;

    /// <summary>Label permutations of the per-unit max-statistic test.</summary>
    public int Permutations { get; init; } = 1000;

    /// <summary>Family-wise significance level of the per-unit test.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Bootstrap resamples of the interval.</summary>
    public int BootstrapResamples { get; init; } = 200;

    /// <summary>How many of the most informative units the result lists.</summary>
    public int TopUnits { get; init; } = 10;

    /// <summary>Seeds tie-breaking, permutations and bootstrap.</summary>
    public int Seed { get; init; }
}
