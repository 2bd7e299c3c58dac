using System.Text.Json;

namespace ErrorTrace.Core.Reports;

/// <summary>
/// Writes the report with a <see cref="Utf8JsonWriter"/>, property by property in the contract's order. The
/// source-generated serializer's first use in a process costs ~20 ms of metadata and JIT on one core, a tenth of a
/// small log's run, where this is precompiled code. The output is the serializer's byte for byte (same encoder, same
/// <see cref="DateTime"/> form, nulls kept): a test holds the two to it on every corpus report. Reading a report back,
/// and the server, keep <see cref="ReportJsonContext"/>.
/// </summary>
internal static class ReportJsonWriter
{
    public static void Write(Utf8JsonWriter w, ErrorReport r)
    {
        w.WriteStartObject();
        w.WriteString("job_id"u8, r.JobId);
        w.WriteString("status"u8, r.Status);
        w.WriteString("error_summary"u8, r.ErrorSummary);
        w.WriteStartArray("errors"u8);
        foreach (var e in r.Errors) Write(w, e);
        w.WriteEndArray();
        w.WritePropertyName("traceback"u8);
        Write(w, r.Traceback);
        w.WriteStartArray("tracebacks"u8);
        foreach (var t in r.Tracebacks) Write(w, t);
        w.WriteEndArray();
        w.WritePropertyName("analysis"u8);
        Write(w, r.Analysis);
        w.WritePropertyName("log"u8);
        Write(w, r.Log);
        Strings(w, "notes"u8, r.Notes);
        w.WritePropertyName("environment"u8);
        Write(w, r.Environment);
        w.WritePropertyName("hang"u8);
        Write(w, r.Hang);
        if (r.Runs is { } runs) Write(w, runs);
        w.WriteEndObject();
    }

    /// <summary>Only for a log of several runs: the serializer leaves a null list out (ErrorReport.Runs).</summary>
    private static void Write(Utf8JsonWriter w, IReadOnlyList<RunInfo> runs)
    {
        w.WriteStartArray("runs"u8);
        foreach (var run in runs)
        {
            w.WriteStartObject();
            w.WriteNumber("run"u8, run.Run);
            w.WriteNumber("first_line"u8, run.FirstLine);
            w.WriteNumber("last_line"u8, run.LastLine);
            w.WriteString("started_by"u8, run.StartedBy);
            w.WriteNumber("failures"u8, run.Failures);
            w.WriteString("root_cause"u8, run.RootCause);
            Number(w, "root_line"u8, run.RootLine);
            w.WriteBoolean("is_root_run"u8, run.IsRootRun);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Write(Utf8JsonWriter w, HangInfo? hang)
    {
        if (hang is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        Numbers(w, "timed_out_ranks"u8, hang.TimedOutRanks);
        Numbers(w, "silent_ranks"u8, hang.SilentRanks);
        Number(w, "world_size"u8, hang.WorldSize);
        w.WriteString("world_size_source"u8, hang.WorldSizeSource);
        w.WriteStartArray("ranks"u8);
        foreach (var r in hang.Ranks)
        {
            w.WriteStartObject();
            w.WriteNumber("rank"u8, r.Rank);
            w.WriteBoolean("timed_out"u8, r.TimedOut);
            Number(w, "seq_num"u8, r.SeqNum);
            w.WriteString("op_type"u8, r.OpType);
            Number(w, "last_enqueued"u8, r.LastEnqueued);
            Number(w, "last_completed"u8, r.LastCompleted);
            w.WriteNumber("line"u8, r.Line);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Number(w, "suspect_rank"u8, hang.SuspectRank);
        w.WriteString("reason"u8, hang.Reason);
        w.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter w, EnvironmentInfo? env)
    {
        if (env is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteStartArray("tags"u8);
        foreach (var tag in env.Tags)
        {
            w.WriteStartObject();
            w.WriteString("key"u8, tag.Key);
            w.WriteString("value"u8, tag.Value);
            w.WriteNumber("line"u8, tag.Line);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Strings(w, "hosts"u8, env.Hosts);
        w.WriteNumber("host_count"u8, env.HostCount);
        w.WriteNumber("rank_count"u8, env.RankCount);
        w.WriteNumber("scanned_bytes"u8, env.ScannedBytes);
        w.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter w, ErrorEntry e)
    {
        w.WriteStartObject();
        Timestamp(w, "timestamp"u8, e.Timestamp);
        w.WriteString("level"u8, e.Level);
        w.WriteString("phase"u8, e.Phase);
        w.WriteString("message"u8, e.Message);
        w.WriteString("dedupe_key"u8, e.DedupeKey);
        w.WriteNumber("count"u8, e.Count);
        Timestamp(w, "last_timestamp"u8, e.LastTimestamp);
        w.WriteNumber("first_line"u8, e.FirstLine);
        Numbers(w, "ranks"u8, e.Ranks);
        w.WriteString("logger"u8, e.Logger);
        w.WriteString("source"u8, e.Source);
        w.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter w, TracebackInfo? t)
    {
        if (t is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteString("raw"u8, t.Raw);
        Frames(w, t.Frames);
        w.WriteString("exception_type"u8, t.ExceptionType);
        w.WriteString("exception_message"u8, t.ExceptionMessage);
        w.WriteStartArray("chain"u8);
        foreach (var link in t.Chain)
        {
            w.WriteStartObject();
            w.WriteString("exception_type"u8, link.ExceptionType);
            w.WriteString("exception_message"u8, link.ExceptionMessage);
            Frames(w, link.Frames);
            w.WriteString("relation"u8, link.Relation);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("sub_exceptions"u8);
        foreach (var sub in t.SubExceptions) Write(w, sub);
        w.WriteEndArray();
        w.WriteString("kind"u8, t.Kind);
        Number(w, "rank"u8, t.Rank);
        Numbers(w, "ranks"u8, t.Ranks);
        w.WriteNumber("count"u8, t.Count);
        w.WriteNumber("first_line"u8, t.FirstLine);
        w.WriteNumber("exception_line"u8, t.ExceptionLine);
        Timestamp(w, "timestamp"u8, t.Timestamp);
        w.WriteString("phase"u8, t.Phase);
        w.WriteString("logger"u8, t.Logger);
        w.WriteBoolean("secondary"u8, t.Secondary);
        w.WriteString("host"u8, t.Host);
        w.WriteString("progress"u8, t.Progress);
        w.WritePropertyName("original"u8);
        Write(w, t.Original);
        w.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter w, WorkerFailure? q)
    {
        if (q is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteString("exception_type"u8, q.ExceptionType);
        w.WriteString("exception_message"u8, q.ExceptionMessage);
        Frames(w, q.Frames);
        w.WriteString("raised_in"u8, q.RaisedIn);
        w.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter w, FailureAnalysis? a)
    {
        if (a is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteString("error_type"u8, a.ErrorType);
        w.WriteString("error_phase"u8, a.ErrorPhase);
        w.WriteString("description"u8, a.Description);
        w.WriteString("confidence"u8, a.Confidence);
        Strings(w, "suggestions"u8, a.Suggestions);
        w.WriteString("rule_id"u8, a.RuleId);
        w.WriteStartArray("evidence"u8);
        foreach (var line in a.Evidence)
        {
            w.WriteStartObject();
            w.WriteNumber("line"u8, line.Line);
            w.WriteString("text"u8, line.Text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Number(w, "root_rank"u8, a.RootRank);
        w.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter w, LogInfo? log)
    {
        if (log is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteString("path"u8, log.Path);
        w.WriteNumber("size_bytes"u8, log.SizeBytes);
        w.WriteNumber("lines"u8, log.Lines);
        w.WriteNumber("truncated_lines"u8, log.TruncatedLines);
        w.WriteBoolean("missing"u8, log.Missing);
        w.WriteBoolean("scanned"u8, log.Scanned);
        w.WriteEndObject();
    }

    private static void Frames(Utf8JsonWriter w, IReadOnlyList<TracebackFrame> frames)
    {
        w.WriteStartArray("frames"u8);
        foreach (var f in frames)
        {
            w.WriteStartObject();
            w.WriteString("file"u8, f.File);
            Number(w, "line"u8, f.Line);
            w.WriteString("function"u8, f.Function);
            w.WriteString("code"u8, f.Code);
            w.WriteBoolean("in_app"u8, f.InApp);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter w, ReadOnlySpan<byte> name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values) w.WriteStringValue(value);
        w.WriteEndArray();
    }

    private static void Numbers(Utf8JsonWriter w, ReadOnlySpan<byte> name, IReadOnlyList<int> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values) w.WriteNumberValue(value);
        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, ReadOnlySpan<byte> name, long? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    private static void Number(Utf8JsonWriter w, ReadOnlySpan<byte> name, int? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    private static void Timestamp(Utf8JsonWriter w, ReadOnlySpan<byte> name, DateTime? value)
    {
        if (value is { } v) w.WriteString(name, v);
        else w.WriteNull(name);
    }
}
