namespace InterpAudit.Information;

/// <summary>One unit's information about the label and its permutation-test outcome.</summary>
/// <param name="Unit">The unit's index in the layer (the channel, for convolutional layers).</param>
/// <param name="Bits">I(u;Y), bias-corrected.</param>
/// <param name="PValue">Max-statistic permutation p-value (family-wise over the layer's units).</param>
/// <param name="Significant">PValue ≤ α.</param>
/// <param name="TieFraction">Fraction of samples tied with another sample on this unit (e.g. ReLU zeros).</param>
public sealed record UnitInformation(int Unit, double Bits, double PValue, bool Significant, double TieFraction);
