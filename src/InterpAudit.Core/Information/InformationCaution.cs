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
        "I(T;Y), can only fall or stay level from one layer to the next. These Gaussian-copula figures fit one " +
        "Gaussian per class to the rank-normalised layer and cannot exceed the label's entropy H(Y); each is also given as " +
        "a share of H(Y). They are estimates, not the true information: when one rises with depth beyond its " +
        "interval, the classes have become easier to model as Gaussians in that layer, not more present in it. " +
        "Compare them between layers and between runs.";
}
