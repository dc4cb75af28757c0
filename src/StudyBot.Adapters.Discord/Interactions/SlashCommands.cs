using StudyBot.Core.Commands;

namespace StudyBot.Adapters.Discord.Interactions;

/// <summary>
/// Every slash command StudyBot registers, built from <see cref="CommandSpecs"/>: the feature list as
/// Discord sees it, with Korean names and descriptions. Discord always sends the default (English) names.
/// </summary>
public static class SlashCommands
{
    /// <summary>Option names whose typing is answered by topic autocomplete.</summary>
    public static readonly IReadOnlySet<string> TopicOptions = new HashSet<string>(StringComparer.Ordinal) { "query", "topic" };

    public static readonly SlashCommand Help = Simple(CommandSpecs.Help, "도움말");

    public static readonly SlashCommand Topic = new("topic", "주제", CommandSpecs.Topic.DescriptionEn, CommandSpecs.Topic.DescriptionKo,
        [new("query", "검색어", "A topic name or alias, e.g. ebs", "주제 이름 또는 별칭 (예: ebs)", Required: true, Autocomplete: true)], []);

    public static readonly SlashCommand Quiz = new("quiz", "퀴즈", CommandSpecs.Quiz.DescriptionEn, CommandSpecs.Quiz.DescriptionKo,
        [new("topic", "주제", "Practise this topic only", "이 주제만 연습하기", Autocomplete: true)], []);

    public static readonly SlashCommand Leaderboard = new("leaderboard", "순위", CommandSpecs.Leaderboard.DescriptionEn, CommandSpecs.Leaderboard.DescriptionKo,
        [new("scope", "범위", "This week (default) or all time", "이번 주(기본) 또는 전체", Choices: [new("week", "주간", "week"), new("all", "전체", "all")])], []);

    public static readonly SlashCommand Stats = Simple(CommandSpecs.Stats, "내기록");

    public static readonly SlashCommand Study = new("study", "스터디",
        "Daily questions in this channel (for channel managers)", "이 채널의 오늘의 문제 설정 (채널 관리자용)", [],
        [
            Sub(CommandSpecs.StudySetup, "설정",
                new("time", "시각", "Local time as HH:mm, e.g. 09:00", "현지 시각 HH:mm (예: 09:00)", Required: true),
                new("timezone", "시간대", "IANA time zone, e.g. Asia/Seoul", "IANA 시간대 (예: Asia/Seoul)", Required: true),
                new("pack", "팩", "Content pack id (default: the first pack)", "콘텐츠 팩 id (기본: 첫 번째 팩)")),
            Sub(CommandSpecs.StudyStop, "중지"),
            Sub(CommandSpecs.StudyNow, "지금"),
            Sub(CommandSpecs.StudyClose, "마감"),
            Sub(CommandSpecs.StudyLeaderboard, "순위",
                new("day", "요일", "Day of the weekly post, or off", "주간 순위 요일, 또는 끄기", Required: true, Choices: Days()),
                new("time", "시각", "Local time as HH:mm, e.g. 20:00", "현지 시각 HH:mm (예: 20:00)")),
        ],
        ManageChannelsOnly: true);

    public static readonly IReadOnlyList<SlashCommand> All = [Help, Topic, Quiz, Leaderboard, Stats, Study];

    public static SlashCommand? Find(string? name) => All.FirstOrDefault(c => c.Name == name);

    private static SlashCommand Simple(CommandSpec spec, string nameKo) =>
        new(spec.Name, nameKo, spec.DescriptionEn, spec.DescriptionKo, [], []);

    // "study setup" → the sub-command "setup", described by the core's spec.
    private static SlashCommand Sub(CommandSpec spec, string nameKo, params SlashOption[] options) =>
        new(spec.Name[(spec.Name.IndexOf(' ', StringComparison.Ordinal) + 1)..], nameKo, spec.DescriptionEn, spec.DescriptionKo, options, []);

    private static SlashChoice[] Days() =>
    [
        new("sunday", "일요일", "sunday"), new("monday", "월요일", "monday"), new("tuesday", "화요일", "tuesday"),
        new("wednesday", "수요일", "wednesday"), new("thursday", "목요일", "thursday"), new("friday", "금요일", "friday"),
        new("saturday", "토요일", "saturday"), new("off", "끄기", "off"),
    ];
}
