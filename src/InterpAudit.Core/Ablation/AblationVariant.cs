namespace InterpAudit.Ablation;

/// <summary>One ablated forward pass: which output units of the layer are replaced, and by what.</summary>
/// <param name="Units">Unit indices (empty for the clean pass).</param>
internal sealed record AblationVariant(IReadOnlyList<int> Units, AblationKind Kind)
{
    public static AblationVariant Clean { get; } = new([], AblationKind.Zero);
}
