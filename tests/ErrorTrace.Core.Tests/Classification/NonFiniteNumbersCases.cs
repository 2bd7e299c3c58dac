using ErrorTrace.Core.Classification;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// A training that printed its numbers without names and let them go non-finite or explode, with nothing raised: the
/// loss column of a hand-written progress line turned nan or inf, or a named loss printed in fixed point past 1e15.
/// Each in wordings other than the corpus logs it came from (other labels, columns, separators, steps).
/// </summary>
internal static class NonFiniteNumbersCases
{
    public static IEnumerable<ClassificationCase> All()
    {
        yield return new("number-columns-loss-turns-nan", Clean(
            "iter: 1210 0.4123 0.8811 0.7702",
            "iter: 1211 nan 0.8790 0.7690",
            "iter: 1212 nan 0.8801 0.7688"),
            C.NumericalError, "numerical-metrics-non-finite", "medium");
        yield return new("step-and-value-only-inf", Clean(
            "12000 3.1184",
            "12010 -inf",
            "12020 -inf"),
            C.NumericalError, "numerical-metrics-non-finite", "medium");
        yield return new("comma-separated-columns-with-nan", Clean(
            "step=88, 1.0e-03, nan, 0.5012"),
            C.NumericalError, "numerical-metrics-non-finite", "medium");
        yield return new("named-loss-grows-past-1e15", Clean(
            "I0412 08:01:02.123456 step 9100: total_loss = 2.3310 (0.41 sec/step)",
            "I0412 08:01:06.123456 step 9110: total_loss = 18446744073709551616.0000 (0.40 sec/step)"),
            C.NumericalError, "numerical-metrics-non-finite", "medium");
    }

    private static ClassificationInput Clean(params string[] lines) =>
        new(null, [], [], null) { Context = [.. lines.Select((l, i) => new ContextLine(100 + i, l))] };
}
