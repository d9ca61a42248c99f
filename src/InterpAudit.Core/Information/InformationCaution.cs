namespace InterpAudit.Information;

/// <summary>
/// The spec's "Information plane caution" (mi.md) in plain words, carried in every information result
/// so that a report shows it next to the numbers.
/// </summary>
public static class InformationCaution
{
    public const string Text =
        "These are estimates of how much a layer tells about the class label, in bits. What a layer keeps " +
        "about its input, I(X;T), is not reported: for a deterministic network on continuous inputs it is " +
        "infinite, so no finite estimate of it means anything. The true information about the label, " +
        "I(T;Y), can only fall or stay level from one layer to the next. These figures measure how well a " +
        "Gaussian-copula read-out separates the classes: when one rises with depth, the label has become " +
        "easier to read off the layer, not more present in it; and with well-separated classes a figure " +
        "can even exceed the label's own entropy. Compare them between layers and between runs.";
}
