using System.Net;
using System.Text;
using ErrorTrace.Tests.Shared;

namespace ErrorTrace.Server.Tests;

/// <summary>Faults injected under a running service (issue 13): a log swapped for a link out after it was served, a FIFO,
/// a log rewritten in place at the same length, ids with a trailing newline, and the headers every answer needs.</summary>
public sealed class FaultInjectionTests(FaultFixture faults) : IClassFixture<FaultFixture>
{
    /// <summary>A hang guard, not a timing: a FIFO read blocks forever, and the test must fail instead of hanging.</summary>
    private static readonly TimeSpan s_hangGuard = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ServerFixture Server => faults.Server;

    [Fact]
    public async Task A_log_swapped_for_a_link_out_after_it_was_served_is_never_followed()
    {
        var client = Server.ClientWith(ServerFixture.AliceToken);
        var first = await Json.ReadAsync(await client.GetAsync("/api/training/swap1/errors", Ct));
        Assert.False(first.GetProperty("log").GetProperty("missing").GetBoolean());

        // ln -s /outside/file tmp && mv -T tmp logs/job_swap1.log: rename(2) replaces the log atomically, within the
        // second the service remembers the log's location.
        var log = Path.Combine(Server.LogsDir, "job_swap1.log");
        var temporary = Path.Combine(Server.LogsDir, "swap.tmp");
        File.CreateSymbolicLink(temporary, Path.Combine(Server.Outside, "outside.log"));
        File.Move(temporary, log, overwrite: true);
        for (var attempt = 0; attempt < 6; attempt++)
        {
            using var response = await client.GetAsync("/api/training/swap1/errors", Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(FaultFixture.OutsideMarker, text, StringComparison.Ordinal);
            Assert.Contains("\"missing\":true", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_fifo_is_a_missing_log_with_a_note_and_the_job_list_still_answers()
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        guard.CancelAfter(s_hangGuard);
        var client = Server.ClientWith(ServerFixture.AliceToken);
        var report = await Json.ReadAsync(await client.GetAsync("/api/training/fifo1/errors", guard.Token));
        Assert.True(report.GetProperty("log").GetProperty("missing").GetBoolean());
        Assert.Contains("not a regular file", report.GetProperty("notes")[0].GetString(), StringComparison.Ordinal);

        using var list = await client.GetAsync("/api/training/jobs?page_size=100", guard.Token);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task A_log_rewritten_in_place_at_the_same_length_is_read_again()
    {
        var client = Server.ClientWith(ServerFixture.AliceToken);
        var log = Path.Combine(Server.LogsDir, "job_rewrite1.log");
        var before = await client.GetStringAsync("/api/training/rewrite1/errors", Ct);
        Assert.Contains("max_seq_length", before, StringComparison.Ordinal);

        // The same number of bytes, other words; written through the same inode (no rename), as an editor saving in place does.
        var rewritten = SampleLogs.Running.Replace("max_seq_length", "MAX-SEQ-LENGTH", StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetByteCount(SampleLogs.Running), Encoding.UTF8.GetByteCount(rewritten));
        var modified = File.GetLastWriteTimeUtc(log);
        await using (var stream = new FileStream(log, FileMode.Open, FileAccess.Write))
            await stream.WriteAsync(Encoding.UTF8.GetBytes(rewritten), Ct);
        // Within the clock's granularity a rewrite may keep the time; an editor's save a second later does not.
        File.SetLastWriteTimeUtc(log, modified.AddSeconds(1));

        var after = await client.GetStringAsync("/api/training/rewrite1/errors", Ct);
        Assert.Contains("MAX-SEQ-LENGTH", after, StringComparison.Ordinal);
        Assert.DoesNotContain("max_seq_length", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_growing_log_never_loses_an_entry_between_polls()
    {
        // Rank 0 printed its traceback; rank 1 is half-way through the same one when the first poll comes.
        const string Frames = """
            Traceback (most recent call last):
              File "/home/u/train.py", line 10, in main
                train()
              File "/home/u/train.py", line 20, in train
                step()
              File "/home/u/model.py", line 30, in step
                raise RuntimeError("NCCL communicator was aborted")
            RuntimeError: NCCL communicator was aborted

            """;
        var lines = Frames.Split('\n');
        var rank0 = string.Concat(lines.Select(l => l.Length > 0 ? "[rank0]: " + l + "\n" : ""));
        var rank1 = lines.Where(l => l.Length > 0).Select(l => "[rank1]: " + l + "\n").ToList();
        var log = Path.Combine(Server.LogsDir, "job_ranks1.log");
        await File.WriteAllTextAsync(log, rank0 + "[rank0]: [2025-12-10 04:00:00] [__main__] [INFO] [Main] waiting for the other ranks\n" + string.Concat(rank1.Take(3)), Ct);
        var client = Server.ClientWith(ServerFixture.AliceToken);

        var first = await Json.ReadAsync(await client.GetAsync("/api/training/ranks1/errors?scan=true", Ct));
        await File.AppendAllTextAsync(log, string.Concat(rank1.Skip(3)) + "[rank1]: [2025-12-10 04:00:00] [__main__] [INFO] [Main] waiting for the other ranks\n", Ct);
        var second = await Json.ReadAsync(await client.GetAsync("/api/training/ranks1/errors?scan=true", Ct));

        foreach (var field in new[] { "tracebacks", "errors" })
            Assert.True(second.GetProperty(field).GetArrayLength() >= first.GetProperty(field).GetArrayLength(), field);
        Assert.True(first.GetProperty("tracebacks")[0].GetProperty("count").GetInt32() == 2, first.GetProperty("tracebacks").GetRawText());
        Assert.True(second.GetProperty("tracebacks")[0].GetProperty("count").GetInt32() == 2, second.GetProperty("tracebacks").GetRawText());
    }

    [Theory]
    [InlineData("x%0A")]
    [InlineData("oom1%0A")]
    public async Task An_id_with_a_trailing_newline_is_invalid(string id)
    {
        using var response = await Server.ClientWith(ServerFixture.AliceToken).GetAsync($"/api/training/{id}/errors", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/training/jobs")]
    [InlineData("/api/training/oom1/errors")]
    [InlineData("/api/training/nope/errors")]
    [InlineData("/api/training/bad.id/errors")]
    public async Task Every_api_answer_is_private_nosniff_and_varies_by_authorization(string path)
    {
        using var response = await Server.ClientWith(ServerFixture.AliceToken).GetAsync(path, Ct);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl?.Private, path);
        Assert.True(response.Headers.CacheControl?.NoCache, path);
        Assert.Contains("Authorization", response.Headers.Vary);

        using var anonymous = await Server.ClientWith(null).GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("nosniff", anonymous.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(anonymous.Headers.CacheControl?.Private, path);
    }

    [Fact]
    public async Task Head_is_answered_wherever_get_is()
    {
        // On Kestrel, which sends a HEAD answer's headers without its body (the in-memory test server does not).
        using var server = new ServerFixture();
        server.UseKestrel(0);
        server.StartServer();
        using var client = server.CreateClient();
        foreach (var (path, token) in new[]
        {
            ("/panel/error-trace-panel.js", null), ("/", null), ("/jobs/oom1", null), ("/healthz", null), ("/readyz", null),
            ("/api/training/oom1/errors", ServerFixture.AliceToken), ("/api/training/jobs", ServerFixture.AliceToken),
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Head, path);
            if (token is not null) request.Headers.Authorization = new("Bearer", token);
            using var response = await client.SendAsync(request, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"HEAD {path}: {response.StatusCode}");
            Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
        }
    }

    [Fact]
    public async Task No_secret_of_the_catalogue_reaches_the_report_or_the_job_list()
    {
        var client = Server.ClientWith(ServerFixture.AliceToken);
        var report = await client.GetStringAsync("/api/training/secrets1/errors", Ct);
        Assert.Empty(SecretCatalogue.Survivors(report));
        Assert.DoesNotContain("sk-proj-Q1", report, StringComparison.Ordinal);
        Assert.Contains("[REDACTED]", report, StringComparison.Ordinal);

        var markdown = await client.GetStringAsync("/api/training/secrets1/errors?format=markdown", Ct);
        Assert.Empty(SecretCatalogue.Survivors(markdown));
        Assert.Contains("[REDACTED]", markdown, StringComparison.Ordinal);

        var list = await client.GetStringAsync("/api/training/jobs?page_size=100", Ct);
        Assert.Contains("secrets1", list, StringComparison.Ordinal);
        Assert.Empty(SecretCatalogue.Survivors(list));
    }
}
