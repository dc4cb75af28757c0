using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;
using StudyBot.Testing;

namespace StudyBot.Tests;

/// <summary>
/// A post reserved and then cut off before it was sent (the process died mid-send): the scheduler's recovery run
/// finishes it once, with the question reserved for it; any other run leaves it to the run that may still be sending.
/// </summary>
public sealed class CutOffPostTests : IDisposable
{
    private static readonly DateTimeOffset MondayAtTen = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly CoreOnRealStorage _bot = new(Packs.Small(), MondayAtTen);

    public void Dispose() => _bot.Dispose();

    /// <summary>Sets the channel up (09:00 UTC) and reserves today's post the way a run that then died would have.</summary>
    private async Task<Post> ReserveWithoutSendingAsync()
    {
        var setup = await _bot.Inbox.HandleCommandAsync(CoreOnRealStorage.As("admin", admin: true), "study setup 09:00 UTC", default);
        Assert.False(setup.Ephemeral, setup.Message.Body);
        var channel = await _bot.Get<IChannelStore>().GetOrAddAsync(new ChannelAddress("test", "room"), default);
        var (post, created) = await _bot.Get<IPostStore>().ReserveAsync(
            new NewPost(channel.Id, "test", "sqs-2", new DateOnly(2026, 11, 23), MondayAtTen.AddMinutes(-1), MondayAtTen.AddHours(12)), default);
        Assert.True(created);
        return post;
    }

    [Fact]
    public async Task A_recovery_run_sends_the_reserved_question_once_and_stores_its_message()
    {
        var reserved = await ReserveWithoutSendingAsync();
        var daily = _bot.Get<DailyQuestions>();

        var (outcome, post) = await daily.PostAsync(reserved.ChannelId, scheduled: true, default, recovering: true);

        Assert.Equal(DailyPostOutcome.Posted, outcome);
        Assert.Equal(reserved.Id, post!.Id);
        var sent = Assert.Single(_bot.Platform.Posts);
        Assert.Equal("room", sent.ChannelId);
        Assert.Contains("sqs-2", sent.Message.Footer);
        Assert.Equal(new DailyPostSend(reserved.Id, reserved.OpensAt, IsResend: true), Assert.Single(_bot.Platform.DailySends));
        Assert.Equal(sent.MessageId, (await _bot.Get<IPostStore>().FindAsync(reserved.Id, default))!.MessageId);

        // Sent and stored now: a second recovery (or any run) finds nothing to finish.
        Assert.Equal(DailyPostOutcome.AlreadyPosted, (await daily.PostAsync(reserved.ChannelId, scheduled: true, default, recovering: true)).Outcome);
        Assert.Single(_bot.Platform.Posts);
    }

    [Fact]
    public async Task A_second_trigger_or_study_now_leaves_an_unsent_post_to_the_run_still_sending_it()
    {
        var reserved = await ReserveWithoutSendingAsync();
        var daily = _bot.Get<DailyQuestions>();

        Assert.Equal(DailyPostOutcome.AlreadyPosted, (await daily.PostAsync(reserved.ChannelId, scheduled: true, default)).Outcome);
        Assert.Equal(DailyPostOutcome.AlreadyPosted, (await daily.PostAsync(reserved.ChannelId, scheduled: false, default)).Outcome);

        Assert.Empty(_bot.Platform.Posts);
        Assert.Null((await _bot.Get<IPostStore>().FindAsync(reserved.Id, default))!.MessageId);
    }

    [Fact]
    public async Task A_recovery_run_does_not_resend_a_post_already_closed()
    {
        var reserved = await ReserveWithoutSendingAsync();
        Assert.True(await _bot.Get<IPostStore>().CloseAsync(reserved.Id, MondayAtTen, default));

        var (outcome, _) = await _bot.Get<DailyQuestions>().PostAsync(reserved.ChannelId, scheduled: true, default, recovering: true);

        // The closed post still holds the day: nothing is sent, neither it nor a second question.
        Assert.Equal(DailyPostOutcome.AlreadyPosted, outcome);
        Assert.Empty(_bot.Platform.Posts);
    }

    [Fact]
    public async Task A_first_send_is_marked_as_a_first_attempt()
    {
        var setup = await _bot.Inbox.HandleCommandAsync(CoreOnRealStorage.As("admin", admin: true), "study setup 09:00 UTC", default);
        Assert.False(setup.Ephemeral, setup.Message.Body);
        var channel = await _bot.Get<IChannelStore>().GetOrAddAsync(new ChannelAddress("test", "room"), default);

        // A recovery run with nothing reserved posts as a normal run would.
        var (outcome, post) = await _bot.Get<DailyQuestions>().PostAsync(channel.Id, scheduled: true, default, recovering: true);

        Assert.Equal(DailyPostOutcome.Posted, outcome);
        // The clock moves on from 10:00 as the test runs: the reservation time is the post's own.
        Assert.Equal(new DailyPostSend(post!.Id, post.OpensAt, IsResend: false), Assert.Single(_bot.Platform.DailySends));
    }
}
