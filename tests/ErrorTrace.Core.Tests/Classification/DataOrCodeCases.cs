using static ErrorTrace.Core.Tests.Classification.T;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// Data or code, and library or caller, decided by the mechanism: a worker's NameError is the code's, a text file in
/// another encoding is the data's, a library raising a deprecation is a version mismatch, a training script naming a
/// column the dataset lacks is the data's. Wordings other than the corpus logs'.
/// </summary>
internal static class DataOrCodeCases
{
    public static IEnumerable<ClassificationCase> All()
    {
        yield return new("worker-unbound-local", In(Py("UnboundLocalError", "Caught UnboundLocalError in DataLoader worker process 2.\nOriginal Traceback (most recent call last):",
            ["train.py:main", Sp + "torch/utils/data/dataloader.py:_next_data", Sp + "torch/_utils.py:reraise"])),
            C.UserCode, "user-code-bug-in-dataloader-worker", "high", "data_loading");
        yield return new("csv-in-latin1", In(Py("UnicodeDecodeError", "'utf-8' codec can't decode byte 0xe9 in position 1532: invalid continuation byte",
            ["prepare.py:<module>", "/home/u/proj/data/reader.py:load_rows", "/usr/lib/python3.10/codecs.py:decode"])),
            C.DataError, "data-text-in-another-encoding", "medium", "data_loading");
        yield return new("library-raises-future-warning", In(Py("FutureWarning", "`evaluation_strategy` is deprecated and has been removed; use `eval_strategy`",
            ["finetune.py:main", Sp + "somelib/trainer_args.py:__post_init__"])),
            C.DependencyError, "dependency-deprecation-raised", "medium", "initialization");
        yield return new("image-column-not-in-dataset", In(Py("ValueError", "--image_column' value 'img' needs to be one of: image, text",
            ["train_text_to_image.py:main"])),
            C.DataError, "data-missing-column", "high", "data_loading");
    }
}
