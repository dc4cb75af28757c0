namespace StudyBot.Core.Commands;

/// <summary>A command as users see it: its name (with sub-command), usage, descriptions and who may run it.</summary>
public sealed record CommandSpec(string Name, string Usage, string DescriptionEn, string DescriptionKo, bool AdminOnly = false);

/// <summary>Every command, in the order <c>/help</c> lists them. Adapters register these names with their platform.</summary>
public static class CommandSpecs
{
    public static readonly CommandSpec Help = new("help", "/help", "Show what I can do", "사용법 보기");
    public static readonly CommandSpec Topic = new("topic", "/topic <query>", "Look a topic up (English or Korean)", "주제 찾아보기 (영어·한국어)");
    public static readonly CommandSpec Quiz = new("quiz", "/quiz [topic]", "A private practice question, weighted to your weak topics", "나만 보는 연습 문제 (약한 주제 위주)");
    public static readonly CommandSpec Leaderboard = new("leaderboard", "/leaderboard [week|all]", "This week's or the all-time leaderboard", "주간 또는 전체 순위");
    public static readonly CommandSpec Stats = new("stats", "/stats", "Your answers, accuracy, streaks and weakest topics", "내 기록: 정답률, 연속 정답, 약한 주제");
    public static readonly CommandSpec StudySetup = new("study setup", "/study setup <HH:mm> <time zone> [pack]", "Post a daily question here at a local time (e.g. 09:00 Asia/Seoul)", "매일 정해진 시각에 문제 올리기 (예: 09:00 Asia/Seoul)", AdminOnly: true);
    public static readonly CommandSpec StudyStop = new("study stop", "/study stop", "Stop daily questions here", "매일 문제 중지", AdminOnly: true);
    public static readonly CommandSpec StudyNow = new("study now", "/study now", "Post today's question now", "오늘의 문제 지금 올리기", AdminOnly: true);
    public static readonly CommandSpec StudyClose = new("study close", "/study close", "Close today's question now and reveal the answer", "오늘의 문제를 지금 마감하고 정답 공개", AdminOnly: true);
    public static readonly CommandSpec StudyLeaderboard = new("study leaderboard", "/study leaderboard <day> <HH:mm> | off", "When to post the weekly leaderboard (e.g. sunday 20:00)", "주간 순위 게시 요일·시각 (예: sunday 20:00)", AdminOnly: true);

    public static readonly IReadOnlyList<CommandSpec> All =
        [Help, Topic, Quiz, Leaderboard, Stats, StudySetup, StudyStop, StudyNow, StudyClose, StudyLeaderboard];
}
