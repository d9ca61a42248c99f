using System.Diagnostics;

namespace InterpAudit.Bench;

/// <summary>Times a piece of work: one warm-up, then the median (and range) of repeated runs.</summary>
internal static class Measurement
{
    public sealed record Timing(string Name, double MedianSeconds, double MinSeconds, double MaxSeconds, int Runs, string Note);

    /// <param name="warmUp">False for work that runs for many seconds, where the JIT's share is noise and a second run costs minutes.</param>
    public static Timing Time(string name, int runs, Func<string> work, bool warmUp = true)
    {
        string note = warmUp ? work() : ""; // warm-up: JIT, libtorch's first-call allocations
        var seconds = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            long start = Stopwatch.GetTimestamp();
            note = work();
            seconds.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        seconds.Sort();
        return new Timing(name, seconds[seconds.Count / 2], seconds[0], seconds[^1], runs, note);
    }
}
