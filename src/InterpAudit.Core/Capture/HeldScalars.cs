using TorchSharp;

namespace InterpAudit.Capture;

/// <summary>
/// The constants the audit passes to libtorch as Scalars, each held for the life of the process.
/// <para>
/// Why not a literal: TorchSharp turns a number into a native Scalar freed by its finalizer, and passes
/// only its handle to the native call without keeping the object alive across it. So a temporary
/// Scalar — an implicit conversion such as <c>t.le(0)</c>, or the number in <c>t / 2</c>, which
/// TorchSharp's operator converts inside — may be collected and freed while libtorch still reads it;
/// the audit then stops with IA9003 (libtorch's "Expected false to be true" from <c>Scalar::toFloat</c>,
/// seen once in a CI run). A Scalar in a static field, or in a <c>using</c> variable around the call
/// for a computed value, lives until after the call. <c>ScalarLifetimeTests</c> finds any other.
/// </para>
/// </summary>
internal static class HeldScalars
{
    public static readonly Scalar Zero = 0.ToScalar();
    public static readonly Scalar One = 1.ToScalar();
    public static readonly Scalar Two = 2.ToScalar();
}
