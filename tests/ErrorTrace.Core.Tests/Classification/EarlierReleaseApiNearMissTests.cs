using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// What the rules of <see cref="EarlierReleaseApiCases"/> must not take: an index past a tensor's end (the code's own
/// bug), an unpack error of the job's own function, and findContours' result unpacked right whose later line fails.
/// </summary>
public sealed class EarlierReleaseApiNearMissTests
{
    [Fact]
    public void An_index_past_a_tensors_end_is_not_an_earlier_torch() =>
        Assert.NotEqual("dependency-code-for-an-earlier-torch-release", Classify(In(Py("IndexError",
            "index 5 is out of bounds for dimension 0 with size 5", ["/work/proj/train.py:<module>", "/work/proj/train.py:step"])))?.RuleId);

    [Fact]
    public void An_unpack_error_of_the_jobs_own_function_stays_its_own() =>
        Assert.NotEqual("dependency-opencv-findcontours-return-signature", Classify(In(Py("ValueError", "too many values to unpack (expected 2)") with
        {
            Frames = [new() { File = "/work/proj/train.py", Function = "main", Line = 30, Code = "images, labels = next(loader_iter)" }],
        }))?.RuleId);

    [Fact]
    public void A_later_line_after_find_contours_is_not_its_signature() =>
        Assert.NotEqual("dependency-opencv-findcontours-return-signature", Classify(In(Py("ValueError", "not enough values to unpack (expected 4, got 3)") with
        {
            Frames = [new() { File = "/work/proj/boxes.py", Function = "to_boxes", Line = 44, Code = "x, y, w, h = cv2.minAreaRect(cnt)" }],
        }))?.RuleId);

    private static FailureAnalysis? Classify(ClassificationInput input) => FailureClassifier.Classify(input, RuleSet.Default);
}
