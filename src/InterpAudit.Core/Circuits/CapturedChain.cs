namespace InterpAudit.Circuits;

/// <summary>The model as a <see cref="LinearChain"/> and each class's samples at the chain's input (index = label).</summary>
internal sealed record CapturedChain(LinearChain Chain, IReadOnlyList<ClassInputs> Classes);
