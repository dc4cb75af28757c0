using System.Diagnostics;
using System.Runtime.Versioning;
using Dapper;
using Microsoft.Data.Sqlite;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Sqlite.Tests;

/// <summary>
/// Reliability drills on the file itself: it becomes read-only, or the disk fills. Each must give a
/// clear error, acknowledge nothing it did not store, leave the file intact, and recover once the
/// fault is gone.
/// </summary>
public sealed class FaultDrillTests : IDisposable
{
    private static readonly DateTimeOffset T0 = StoreFixture.T0;
    private readonly StoreFixture _store = new();

    public void Dispose() => _store.Dispose();

    private async Task<(Post Post, List<long> Users)> OpenPostWithUsersAsync(int users)
    {
        var post = await _store.PostAsync((await _store.ChannelAsync()).Id, DateOnly.FromDateTime(T0.UtcDateTime), T0);
        var ids = new List<long>();
        for (var i = 0; i < users; i++) ids.Add(await _store.UserAsync($"user{i}"));
        return (post, ids);
    }

    private Task<AnswerOutcome> AnswerAsync(Post post, long userId, string topic = "topic") =>
        _store.AnswerAsync(post, userId, correct: true, T0.AddMinutes(1), topic);

    private HashSet<long> StoredUsers(long postId)
    {
        using var connection = _store.Database.Open();
        return connection.Query<long>("SELECT user_id FROM answers WHERE post_id = @postId", new { postId }).ToHashSet();
    }

    private string IntegrityCheck()
    {
        using var connection = _store.Database.Open();
        return connection.ExecuteScalar<string>("PRAGMA integrity_check;")!;
    }

    /// <summary>Pooled handles were opened before the fault; new ones must see it, as after a restart.</summary>
    private void DropPooledConnections()
    {
        using var connection = new SqliteConnection(_store.Database.ConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    [Fact]
    public async Task A_full_disk_fails_the_writes_that_did_not_fit_clearly_keeps_the_rest_and_recovers()
    {
        var (post, users) = await OpenPostWithUsersAsync(400);
        for (var i = 0; i < 10; i++) Assert.Equal(AnswerOutcome.Recorded, await AnswerAsync(post, users[i]));
        using (var connection = _store.Database.Open())
            _store.Database.MaxPageCount = connection.ExecuteScalar<long>("PRAGMA page_count;") + 2;
        DropPooledConnections();

        // Long topic ids fill pages quickly; everyone answers at once, as in a burst.
        var topic = new string('x', 1500);
        var attempts = users.Skip(10).Select(async user =>
        {
            try
            {
                return (user, Outcome: (AnswerOutcome?)await AnswerAsync(post, user, topic), Error: (SqliteException?)null);
            }
            catch (SqliteException e)
            {
                return (user, Outcome: (AnswerOutcome?)null, Error: (SqliteException?)e);
            }
        });
        var results = await Task.WhenAll(attempts);

        var failed = results.Where(r => r.Error is not null).ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, r => Assert.Contains("full", r.Error!.Message, StringComparison.OrdinalIgnoreCase));
        var stored = StoredUsers(post.Id);
        Assert.All(results.Where(r => r.Outcome == AnswerOutcome.Recorded), r => Assert.Contains(r.user, stored)); // nothing acknowledged is lost
        Assert.All(failed, r => Assert.DoesNotContain(r.user, stored)); // nothing failed is half-stored
        Assert.Equal("ok", IntegrityCheck());

        _store.Database.MaxPageCount = null; // space is freed
        DropPooledConnections();
        foreach (var (user, _, _) in failed) Assert.Equal(AnswerOutcome.Recorded, await AnswerAsync(post, user, topic));
        Assert.Equal(400, StoredUsers(post.Id).Count);
        Assert.Equal("ok", IntegrityCheck());
    }

    [Fact]
    [UnsupportedOSPlatform("windows")] // file modes and chattr: the bot runs on Linux
    public async Task A_read_only_file_refuses_writes_clearly_still_answers_reads_and_recovers()
    {
        var (post, users) = await OpenPostWithUsersAsync(3);
        Assert.Equal(AnswerOutcome.Recorded, await AnswerAsync(post, users[0]));

        using (ReadOnlyFile.Make(_store.Database.Path))
        {
            DropPooledConnections();
            var error = await Assert.ThrowsAsync<SqliteException>(() => AnswerAsync(post, users[1]));
            Assert.Equal(8, error.SqliteErrorCode); // SQLITE_READONLY
            Assert.Contains("readonly database", error.Message, StringComparison.Ordinal);
            Assert.Equal(1, (await _store.Posts.ResultsAsync(post.Id, default)).Answered);
        }
        DropPooledConnections();

        Assert.Equal(AnswerOutcome.Recorded, await AnswerAsync(post, users[1]));
        Assert.Equal(AnswerOutcome.Recorded, await AnswerAsync(post, users[2]));
        Assert.Equal(3, StoredUsers(post.Id).Count);
        Assert.Equal("ok", IntegrityCheck());
    }

    /// <summary>
    /// Makes a file read-only for as long as it is held. chmod does not stop root (CI runs as root),
    /// so root uses the immutable attribute instead, which it cannot write through either.
    /// </summary>
    [UnsupportedOSPlatform("windows")]
    private sealed class ReadOnlyFile : IDisposable
    {
        private readonly string _path;
        private readonly UnixFileMode _mode;

        private ReadOnlyFile(string path)
        {
            _path = path;
            _mode = File.GetUnixFileMode(path);
            if (Environment.IsPrivilegedProcess) Chattr("+i", path);
            else File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        public static ReadOnlyFile Make(string path) => new(path);

        public void Dispose()
        {
            if (Environment.IsPrivilegedProcess) Chattr("-i", _path);
            else File.SetUnixFileMode(_path, _mode);
        }

        private static void Chattr(string flag, string path)
        {
            using var chattr = Process.Start(new ProcessStartInfo("chattr", [flag, path]) { RedirectStandardError = true })!;
            chattr.WaitForExit();
            if (chattr.ExitCode != 0) throw new InvalidOperationException($"chattr {flag} failed: {chattr.StandardError.ReadToEnd()}");
        }
    }
}
