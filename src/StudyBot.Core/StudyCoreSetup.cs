using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StudyBot.Core.Chat;
using StudyBot.Core.Commands;
using StudyBot.Core.Items;
using StudyBot.Core.Review;
using StudyBot.Core.Review.Reminders;
using StudyBot.Core.Study;
using StudyBot.Core.Suggestions;

namespace StudyBot.Core;

public static class StudyCoreSetup
{
    /// <summary>The study domain: commands, answers, daily questions and leaderboards. Needs content, storage, scheduling and at least one chat adapter.</summary>
    public static IHostApplicationBuilder AddStudyCore(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<StudyOptions>(StudyOptions.Section);
        builder.AddValidatedOptions<ReviewOptions>(ReviewOptions.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        // One source of randomness (question picks) so a test can register a seeded one; Random.Shared is thread-safe, a new Random() is not.
        builder.Services.AddSingleton(Random.Shared);
        builder.Services.AddSingleton<ChatPlatforms>();
        builder.Services.AddSingleton<GroupStudy>();
        builder.Services.AddSingleton<StudyGroupMembership>();
        builder.Services.AddSingleton<DailyQuestions>();
        builder.Services.AddSingleton<QuestionCloser>();
        builder.Services.AddSingleton<Leaderboards>();
        builder.Services.AddSingleton<AnswerDesk>();
        builder.Services.AddSingleton<PracticeDesk>();
        builder.Services.AddSingleton<CardReviews>();
        builder.Services.AddSingleton<UnrevealedAnswers>();
        builder.Services.AddSingleton<ReviewDesk>();
        // Before the card retirement: it counts the approved member-written questions as loaded.
        builder.Services.AddSingleton<SuggestionPool>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SuggestionPool>());
        builder.Services.AddHostedService<ReviewCardRetirement>();
        builder.Services.AddSingleton<SuggestionDrafts>();
        builder.Services.AddSingleton<SuggestionDesk>();
        builder.Services.AddSingleton<IChatInbox, StudyInbox>();
        builder.Services.AddSingleton<ReviewReminderSettings>();
        builder.Services.AddSingleton<ReviewReminderRound>();
        builder.Services.AddSingleton<ItemAnalyzer>();
        builder.Services.AddSingleton<KeptItemAnalysis>();

        // The feature list is CommandSpecs.Table: one handler per command.
        foreach (var command in CommandSpecs.Table)
            builder.Services.AddSingleton(typeof(IStudyCommand), command.Handler);
        return builder;
    }
}
