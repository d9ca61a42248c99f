namespace InterpAudit.Circuits;

/// <summary>How <see cref="CircuitSize"/> measures ECS.</summary>
/// <param name="MaxSamplesPerClass">The first this-many samples of each class, in stream order, define its loss.</param>
/// <param name="RelativeTolerance">See <see cref="LossCriterion"/>.</param>
public sealed record CircuitOptions(int MaxSamplesPerClass = CircuitCheckAttribute.DefaultMaxSamplesPerClass, double RelativeTolerance = LossCriterion.DefaultRelativeTolerance);
