namespace Wijkbeeld.Features.Profile;

public enum ClassMethod { Quantiles, NaturalBreaks }

/// <summary>Classes for a choropleth: upper bounds per class and a colour-blind-safe sequential palette (ColorBrewer YlGnBu).</summary>
public sealed record Classes(ClassMethod Method, IReadOnlyList<double> Breaks, IReadOnlyList<string> Colors)
{
    public const int MaxClasses = 5;

    static readonly string[][] Palettes =
    [
        [],
        ["#41b6c4"],
        ["#a1dab4", "#225ea8"],
        ["#edf8b1", "#7fcdbb", "#2c7fb8"],
        ["#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"],
        ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"],
    ];

    /// <summary>Index of the class a value falls in (values equal to a break belong to the lower class).</summary>
    public int ClassOf(double value)
    {
        for (var i = 0; i < Breaks.Count; i++)
        {
            if (value <= Breaks[i])
            {
                return i;
            }
        }
        return Breaks.Count - 1;
    }

    public static Classes Compute(IEnumerable<double> values, ClassMethod method)
    {
        var sorted = values.Order().ToArray();
        var distinct = sorted.Distinct().Count();
        var k = Math.Min(MaxClasses, distinct);
        if (k == 0)
        {
            return new Classes(method, [], []);
        }
        var breaks = method == ClassMethod.NaturalBreaks ? Jenks(sorted, k) : Quantiles(sorted, k);
        return new Classes(method, breaks, Palettes[breaks.Count]);
    }

    /// <summary>Upper bounds so that each class holds about the same number of areas.</summary>
    static List<double> Quantiles(double[] sorted, int k)
    {
        var breaks = new List<double>();
        for (var i = 1; i <= k; i++)
        {
            var upper = sorted[Math.Max(0, (int)Math.Ceiling(i * sorted.Length / (double)k) - 1)];
            if (breaks.Count == 0 || upper > breaks[^1])
            {
                breaks.Add(upper);
            }
        }
        return breaks;
    }

    /// <summary>Jenks natural breaks (Fisher's exact optimisation): classes with the least spread inside them.</summary>
    static List<double> Jenks(double[] sorted, int k)
    {
        var n = sorted.Length;
        var lower = new int[n + 1, k + 1];
        var variance = new double[n + 1, k + 1];
        for (var j = 1; j <= k; j++)
        {
            lower[1, j] = 1;
            for (var i = 2; i <= n; i++)
            {
                variance[i, j] = double.PositiveInfinity;
            }
        }
        for (var l = 2; l <= n; l++)
        {
            double sum = 0, sumSquares = 0, w = 0, v = 0;
            for (var m = 1; m <= l; m++)
            {
                var lowerIndex = l - m + 1;
                var value = sorted[lowerIndex - 1];
                w++;
                sum += value;
                sumSquares += value * value;
                v = sumSquares - sum * sum / w;
                if (lowerIndex > 1)
                {
                    for (var j = 2; j <= k; j++)
                    {
                        if (variance[l, j] >= v + variance[lowerIndex - 1, j - 1])
                        {
                            lower[l, j] = lowerIndex;
                            variance[l, j] = v + variance[lowerIndex - 1, j - 1];
                        }
                    }
                }
            }
            lower[l, 1] = 1;
            variance[l, 1] = v;
        }
        var breaks = new double[k];
        breaks[k - 1] = sorted[n - 1];
        var count = n;
        for (var j = k; j >= 2; j--)
        {
            var id = lower[count, j] - 2;
            breaks[j - 2] = sorted[id];
            count = lower[count, j] - 1;
        }
        return breaks.Distinct().ToList();
    }
}
