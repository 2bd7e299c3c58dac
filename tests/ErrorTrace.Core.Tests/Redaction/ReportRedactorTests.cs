using System.Collections;
using System.Reflection;
using System.Text.Json;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Redaction;
using ErrorTrace.Core.Reports;
using ErrorTrace.Tests.Shared;

namespace ErrorTrace.Core.Tests.Redaction;

/// <summary>The secrets catalogue fed into every string of a report, and through the engine from a log: nothing of it
/// survives redaction, and a key cut short by an evidence line or a summary leaves no prefix behind.</summary>
public class ReportRedactorTests
{
    /// <summary>Strings the engine or the rules write, never the log or the database: left as they are.</summary>
    private static readonly HashSet<string> s_notFromTheLog =
    [
        "JobId", "Status", "Level", "Source", "Kind", "Relation", "ErrorType", "ErrorPhase", "Confidence", "RuleId",
        "Description", "Suggestions",
        // The environment rules' key names (launcher, gpu, torch, …: RunEnvironment/EnvironmentRules), never log text;
        // a tag's value is the log's and is redacted.
        "EnvironmentTag.Key",
        // Where the hang locator took the world size from ("launcher line 12", "highest rank seen"): engine words.
        "HangInfo.WorldSizeSource",
    ];

    /// <summary>How deep the fill goes: deep enough for a chained cause's frames (report → traceback → chain → link →
    /// frames → frame), shallow enough to stop the sub-exceptions' recursion.</summary>
    private const int MaxDepth = 5;

    [Fact]
    public void Every_string_field_of_a_report_is_redacted()
    {
        var report = (ErrorReport)Fill(typeof(ErrorReport), depth: 0, owner: "", property: "")!;
        var json = ReportJson.Serialize(ReportRedactor.Redact(report));
        // Named by JSON path, so a new field that is neither redacted nor listed above says which it is.
        Assert.Empty(Leaks(JsonDocument.Parse(json).RootElement, "$"));
        // The fill reached every field: a field that is not redacted would have kept the secrets.
        Assert.Contains(RedactionRules.Mask, json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_log_full_of_secrets_gives_a_report_without_them()
    {
        var analyzer = new LogAnalyzer();
        analyzer.Append(System.Text.Encoding.UTF8.GetBytes(SecretCatalogue.Log()));
        analyzer.Complete();
        var report = analyzer.CreateReport(new ReportContext { JobId = "j", ErrorSummary = null });
        var json = ReportJson.Serialize(ReportRedactor.Redact(report));
        Assert.Empty(SecretCatalogue.Survivors(json));
        // Cut before redaction, "sk-proj-Q1w2E3…" would survive as a prefix of the key.
        Assert.DoesNotContain("sk-proj-Q1", json, StringComparison.Ordinal);
        Assert.NotEmpty(report.Errors);
        Assert.NotNull(report.Traceback);
    }

    [Theory]
    [InlineData("MY_DB_PASSWORD=pw7", "MY_DB_PASSWORD=[REDACTED]")]
    [InlineData("pad_token: <pad>", "pad_token: <pad>")]
    [InlineData("max_tokens=512 pad_token_id=0", "max_tokens=512 pad_token_id=0")]
    [InlineData("key prefix sk-proj-abcdefghijklm…", "key prefix [REDACTED]…")]
    [InlineData("use_auth_token=None", "use_auth_token=None")]
    [InlineData("KeyError: 'input_ids'", "KeyError: 'input_ids'")]
    public void Rules_mask_secrets_and_leave_settings_alone(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    private static object? Fill(Type type, int depth, string owner, string property)
    {
        if (type == typeof(string))
        {
            var plain = s_notFromTheLog.Contains(property) || s_notFromTheLog.Contains(owner + "." + property);
            return plain ? "plain" : "text " + SecretCatalogue.OneLine() + " end";
        }

        if (Nullable.GetUnderlyingType(type) is not null || type.IsValueType || type.IsEnum) return type.IsValueType ? Activator.CreateInstance(type) : null;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var element = type.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            if (depth < MaxDepth) list.Add(Fill(element, depth + 1, owner, property));
            return list;
        }

        var constructor = type.GetConstructors().OrderBy(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p => Fill(p.ParameterType, depth + 1, type.Name, Pascal(p.Name!))).ToArray();
        var instance = constructor.Invoke(arguments);
        foreach (var member in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            if (depth >= MaxDepth && !member.PropertyType.IsValueType && member.PropertyType != typeof(string)) continue;
            member.SetValue(instance, Fill(member.PropertyType, depth + 1, type.Name, member.Name));
        }

        return instance;
    }

    private static IEnumerable<string> Leaks(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Leaks(p.Value, path + "." + p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany((e, i) => Leaks(e, $"{path}[{i}]")),
        JsonValueKind.String => SecretCatalogue.Survivors(element.GetString()!).Count > 0 ? [path] : [],
        _ => [],
    };

    private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
