namespace InterpAudit.Results;

/// <summary>
/// The part of its measurements a split work unit covers: indices <see cref="First"/> to
/// <see cref="Last"/> (inclusive, 0-based) of <see cref="Axis"/> — for <c>"class"</c>, the audit's
/// classes in <c>classNames</c> order.
/// </summary>
public sealed record UnitPart(string Axis, int First, int Last)
{
    public IEnumerable<int> Indices => Enumerable.Range(First, Last - First + 1);

    /// <summary><c>class 3</c> or <c>classes 3–4</c>: how unit ids and messages name the part.</summary>
    public override string ToString() => First == Last ? $"{Axis} {First}" : $"{Axis}{(Axis.EndsWith('s') ? "es" : "s")} {First}–{Last}";
}
