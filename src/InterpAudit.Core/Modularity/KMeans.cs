namespace InterpAudit.Modularity;

/// <summary>
/// Seeded k-means over the rows of a small dense matrix: greedy k-means++ seeding (Arthur &amp;
/// Vassilvitskii 2007, with 2 + ⌊ln k⌋ candidates per centre as scikit-learn does), Lloyd iterations
/// until no label changes, an emptied cluster re-seeded with the point farthest from its centre, and
/// the lowest-inertia of several restarts. Spec modularity.md §1 step 3 runs it once, jointly, over
/// the output and input units' spectral coordinates.
/// </summary>
internal static class KMeans
{
    /// <summary>Labels in 0…k−1 for each point (all points share one dimension). Deterministic for a given <paramref name="random"/> state.</summary>
    public static int[] Cluster(IReadOnlyList<double[]> points, int k, int restarts, Random random, int maxIterations = 300)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(restarts, 1);
        int n = points.Count;
        if (n <= k)
            return Enumerable.Range(0, n).ToArray(); // every point its own cluster: nothing to choose
        int[]? best = null;
        double bestInertia = double.PositiveInfinity;
        for (int restart = 0; restart < restarts; restart++)
        {
            double[][] centres = SeedPlusPlus(points, k, random);
            (int[] labels, double inertia) = Lloyd(points, centres, maxIterations);
            if (inertia < bestInertia)
            {
                bestInertia = inertia;
                best = labels;
            }
        }
        return best!;
    }

    /// <summary>Sum of squared distances of the points to their cluster means.</summary>
    public static double Inertia(IReadOnlyList<double[]> points, IReadOnlyList<int> labels, int k)
    {
        double[][] centres = Means(points, labels, k);
        return points.Select((p, i) => Distance2(p, centres[labels[i]])).Sum();
    }

    private static double[][] SeedPlusPlus(IReadOnlyList<double[]> points, int k, Random random)
    {
        int n = points.Count, trials = 2 + (int)Math.Log(k);
        var centres = new double[k][];
        centres[0] = (double[])points[random.Next(n)].Clone();
        double[] closest = points.Select(p => Distance2(p, centres[0])).ToArray();
        var candidate = new double[n];
        for (int c = 1; c < k; c++)
        {
            double potential = closest.Sum();
            double bestPotential = double.PositiveInfinity;
            double[]? bestDistances = null;
            int bestIndex = 0;
            for (int t = 0; t < trials; t++)
            {
                // Sample a point with probability proportional to its squared distance to the nearest centre.
                double target = random.NextDouble() * potential, cumulative = 0;
                int index = n - 1;
                for (int i = 0; i < n; i++)
                {
                    cumulative += closest[i];
                    if (cumulative > target) { index = i; break; }
                }
                double sum = 0;
                for (int i = 0; i < n; i++)
                {
                    candidate[i] = Math.Min(closest[i], Distance2(points[i], points[index]));
                    sum += candidate[i];
                }
                if (sum < bestPotential)
                {
                    bestPotential = sum;
                    bestIndex = index;
                    bestDistances = (double[])candidate.Clone();
                }
            }
            centres[c] = (double[])points[bestIndex].Clone();
            closest = bestDistances!;
        }
        return centres;
    }

    private static (int[] Labels, double Inertia) Lloyd(IReadOnlyList<double[]> points, double[][] centres, int maxIterations)
    {
        int n = points.Count, k = centres.Length;
        var labels = new int[n];
        Array.Fill(labels, -1);
        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            bool changed = false;
            for (int i = 0; i < n; i++)
            {
                int nearest = Nearest(points[i], centres);
                if (nearest != labels[i]) { labels[i] = nearest; changed = true; }
            }
            if (!changed) break;
            centres = Means(points, labels, k);
            ReseedEmpty(points, labels, centres);
        }
        double inertia = 0;
        for (int i = 0; i < n; i++) inertia += Distance2(points[i], centres[labels[i]]);
        return (labels, inertia);
    }

    /// <summary>An empty cluster takes the point farthest from its own centre (as scikit-learn relocates them).</summary>
    private static void ReseedEmpty(IReadOnlyList<double[]> points, int[] labels, double[][] centres)
    {
        var counts = new int[centres.Length];
        foreach (int label in labels) counts[label]++;
        for (int c = 0; c < centres.Length; c++)
        {
            if (counts[c] > 0) continue;
            int farthest = -1;
            double distance = -1;
            for (int i = 0; i < points.Count; i++)
            {
                if (counts[labels[i]] <= 1) continue;
                double d = Distance2(points[i], centres[labels[i]]);
                if (d > distance) { distance = d; farthest = i; }
            }
            if (farthest < 0) continue;
            counts[labels[farthest]]--;
            labels[farthest] = c;
            counts[c] = 1;
            centres[c] = (double[])points[farthest].Clone();
        }
    }

    private static double[][] Means(IReadOnlyList<double[]> points, IReadOnlyList<int> labels, int k)
    {
        int d = points[0].Length;
        var sums = new double[k][];
        for (int c = 0; c < k; c++) sums[c] = new double[d];
        var counts = new int[k];
        for (int i = 0; i < points.Count; i++)
        {
            counts[labels[i]]++;
            for (int j = 0; j < d; j++) sums[labels[i]][j] += points[i][j];
        }
        for (int c = 0; c < k; c++)
            for (int j = 0; j < d && counts[c] > 0; j++) sums[c][j] /= counts[c];
        return sums;
    }

    private static int Nearest(double[] point, double[][] centres)
    {
        int nearest = 0;
        double distance = double.PositiveInfinity;
        for (int c = 0; c < centres.Length; c++)
        {
            double d = Distance2(point, centres[c]);
            if (d < distance) { distance = d; nearest = c; }
        }
        return nearest;
    }

    private static double Distance2(double[] a, double[] b)
    {
        double sum = 0;
        for (int j = 0; j < a.Length; j++)
        {
            double d = a[j] - b[j];
            sum += d * d;
        }
        return sum;
    }
}
