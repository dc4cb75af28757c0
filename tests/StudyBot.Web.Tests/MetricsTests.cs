using System.Globalization;
using System.Text.RegularExpressions;

namespace StudyBot.Web.Tests;

public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_after_a_console_session_show_the_counters_moved()
    {
        await using var bot = await BotWithWeb.StartAsync();
        await bot.Terminal.WaitFor("/help");
        var before = (await bot.GetAsync("/metrics", remote: "127.0.0.1")).Body;

        bot.Terminal.Type("/study setup 09:00 Asia/Seoul", "/study now");
        await bot.Terminal.WaitFor("[B. In one Availability Zone]");
        bot.Terminal.Type("/as alice", "B", "/as bob", "A");
        await bot.Terminal.WaitFor("Your answer A is in.");
        var (status, after, headers) = await bot.GetAsync("/metrics", remote: "127.0.0.1");

        Assert.Equal(200, status);
        Assert.StartsWith("text/plain", headers.ContentType.ToString(), StringComparison.Ordinal);
        // Other tests in this process may record too, so the check is "moved by at least this much".
        Assert.True(Moved("studybot_answers_recorded_total") >= 2, after);
        Assert.True(Moved("studybot_posts_sent_total", "platform=\"console\"") >= 1, after);
        Assert.True(Moved("studybot_command_duration_seconds_count", "command=\"study now\"") >= 1, after);
        Assert.True(Moved("studybot_command_duration_seconds_count", "command=\"button\"") >= 2, after);
        Assert.True(Value(after, "studybot_storage_group_commit_batch_size_count", "") > 0, after);
        Assert.Contains("studybot_command_duration_seconds_bucket{otel_scope_name=\"StudyBot\",command=\"study now\",le=\"0.25\"}", after, StringComparison.Ordinal);

        double Moved(string metric, string label = "") => Value(after, metric, label) - Value(before, metric, label);
        Assert.Contains("# TYPE studybot_command_duration_seconds histogram", after, StringComparison.Ordinal);
    }

    /// <summary>The value of the first sample of <paramref name="metric"/> whose labels hold <paramref name="label"/>; 0 when there is none yet.</summary>
    private static double Value(string exposition, string metric, string label)
    {
        var line = exposition.Split('\n').FirstOrDefault(l => l.StartsWith(metric + "{", StringComparison.Ordinal) && l.Contains(label, StringComparison.Ordinal));
        if (line is null) return 0;
        var match = Regex.Match(line, @"\s(?<value>[-+0-9.eE]+)(\s\d+)?$");
        return double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
    }
}
