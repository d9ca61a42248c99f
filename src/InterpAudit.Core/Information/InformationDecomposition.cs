namespace InterpAudit.Information;

/// <summary>
/// How two sources A and B share their information about a target S, in bits (spec mi.md,
/// "Redundancy and synergy"). Co-information <c>I(A;S) + I(B;S) − I(A,B;S)</c> is positive for net
/// redundancy and negative for net synergy; <see cref="CoInformationSign"/> says which in words.
/// The partial information decomposition uses minimum mutual information (MMI) redundancy
/// <c>Red = min(I(A;S), I(B;S))</c>, which Barrett (2015) shows is the exact PID for jointly Gaussian
/// systems with a univariate target; for a class label it is the Gaussian-copula approximation.
/// </summary>
public sealed record InformationDecomposition(
    double InformationA,
    double InformationB,
    double InformationJoint,
    double CoInformation,
    string CoInformationSign,
    double Redundancy,
    double UniqueA,
    double UniqueB,
    double Synergy)
{
    public const string Redundant = "redundancy";
    public const string Synergistic = "synergy";
    public const string Neither = "none";

    /// <summary>The MMI decomposition of I(A;S), I(B;S) and I(A,B;S).</summary>
    public static InformationDecomposition FromMutualInformation(double informationA, double informationB, double informationJoint)
    {
        double coInformation = informationA + informationB - informationJoint;
        double redundancy = Math.Min(informationA, informationB);
        return new InformationDecomposition(
            informationA, informationB, informationJoint,
            coInformation, SignOf(coInformation),
            redundancy,
            informationA - redundancy,
            informationB - redundancy,
            informationJoint - informationA - informationB + redundancy);
    }

    /// <summary>"redundancy" for positive co-information, "synergy" for negative, "none" for zero.</summary>
    public static string SignOf(double coInformation) =>
        coInformation > 0 ? Redundant : coInformation < 0 ? Synergistic : Neither;
}
