using ErrorTrace.Core.Classification;
using static ErrorTrace.Core.Tests.Classification.T;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// Data failures in the reader's own words: a sample longer than the model's positions, a data file that does not
/// parse printed as a line (datasets' ERROR log, a pasted ArrowInvalid or JSONDecodeError), a truncated shard, a
/// corrupt TFRecord or an image OpenCV could not load. Wordings of other files and releases than the corpus logs.
/// </summary>
internal static class DataReaderLineCases
{
    public static IEnumerable<ClassificationCase> All()
    {
        yield return new("fairseq-sample-longer-than-max-positions", In(Py("Exception",
            "Size of sample #803 is invalid (=(1030, 998)) since max_positions=(1024, 1024), skip this example with --skip-invalid-size-inputs-valid-test",
            ["fairseq_cli/train.py:main", Sp + "fairseq/data/data_utils.py:filter_by_size", Sp + "fairseq/data/data_utils.py:_filter_by_size_dynamic"])),
            C.DataError, "data-sample-longer-than-the-model-allows", "high", "data_loading");
        yield return new("whisper-labels-longer-than-the-decoder", In(Py("ValueError",
            "Labels' sequence length 512 cannot exceed the maximum allowed length of 448 tokens.",
            ["finetune.py:main", Trainer + ":training_step", Sp + "transformers/models/whisper/modeling_whisper.py:forward"])),
            C.DataError, "data-sample-longer-than-the-model-allows", "high", "data_loading");
        yield return new("datasets-json-builder-error-line", Lines(
            "Generating train split: 0 examples [00:00, ? examples/s]Failed to read file '/data/sft/train.json' with error <class 'pyarrow.lib.ArrowInvalid'>: JSON parse error: Invalid value. in row 0"),
            C.DataError, "data-reader-failure-in-a-line", "medium", "data_loading");
        yield return new("json-decode-error-pasted-alone", Lines("json.decoder.JSONDecodeError: Extra data: line 2 column 1 (char 817)"),
            C.DataError, "data-reader-failure-in-a-line", "medium", "data_loading");
        yield return new("truncated-tar-shard-line", Lines("tarfile.ReadError: unexpected end of data"),
            C.DataError, "data-unreadable-file-named-in-a-line", "medium", "data_loading");
        yield return new("opencv-image-that-did-not-load", In(Py("cv2.error",
            "OpenCV(4.8.0) /io/opencv/modules/imgproc/src/color.cpp:199: error: (-215:Assertion failed) !_src.empty() in function 'cvtColor'",
            ["train.py:main", "/work/seg/augment.py:to_rgb"])),
            C.DataError, "data-unreadable-file-named-in-a-line", "medium", "data_loading");
    }

    private static ClassificationInput Lines(params string[] lines) =>
        new(null, [], [], null) { Context = [.. lines.Select((l, i) => new ContextLine(10 + i, l))] };
}
