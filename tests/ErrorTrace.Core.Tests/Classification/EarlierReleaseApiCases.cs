using static ErrorTrace.Core.Tests.Classification.T;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// Code written for another major release of a library, recognised by the library's own words for the API it removed
/// (PyTorch 0.4's 0-dim losses, 1.5's old-style autograd Functions) or by the call whose return changed (OpenCV's
/// findContours, three values in 3.x, two in 2.x and 4.x); read off a-p misses, in other scripts than those logs.
/// </summary>
internal static class EarlierReleaseApiCases
{
    private const string EarlierTorch = "dependency-code-for-an-earlier-torch-release";
    private const string FindContours = "dependency-opencv-findcontours-return-signature";

    public static IEnumerable<ClassificationCase> All()
    {
        yield return new("torch-03-loss-data-index-in-a-gan-step", In(Py("IndexError",
            "invalid index of a 0-dim tensor. Use tensor.item() in Python or tensor.item<T>() in C++ to convert a 0-dim tensor to a number",
            ["/work/dcgan/main.py:<module>", "/work/dcgan/main.py:train_step"])),
            C.DependencyError, EarlierTorch, "medium");
        yield return new("torch-legacy-autograd-function-in-a-custom-op", In(Py("RuntimeError",
            "Legacy autograd function with non-static forward method is deprecated. Please use new-style autograd function with static forward method. (Example: https://pytorch.org/docs/stable/autograd.html#torch.autograd.Function)",
            ["train.py:<module>", "/work/models/roi_align.py:forward"])),
            C.DependencyError, EarlierTorch, "medium");
        yield return new("opencv-4-find-contours-unpacked-as-3x", In(Py("ValueError", "not enough values to unpack (expected 3, got 2)") with
        {
            Frames = [new() { File = "/work/ocr/postprocess.py", Function = "boxes_from_bitmap", Line = 88, Code = "img, contours, hierarchy = cv2.findContours(bitmap, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)" }],
        }),
            C.DependencyError, FindContours, "high");
        yield return new("opencv-3-find-contours-unpacked-as-4x", In(Py("ValueError", "too many values to unpack (expected 2)") with
        {
            Frames = [new() { File = "seg/mask_to_poly.py", Function = "polygons", Line = 12, Code = "contours, _ = cv2.findContours(mask.astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)" }],
        }),
            C.DependencyError, FindContours, "high");
    }
}
