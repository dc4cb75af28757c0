using System.Text.RegularExpressions;
using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.Core.Text;

namespace StudyBot.Core.Commands;

/// <summary><c>/study reviewers &lt;#channel&gt; | off</c>: where this channel's suggestions are posted for review.</summary>
public sealed partial class StudyReviewersCommand(IChannelStore channels, ISuggestionStore suggestions) : IStudyCommand, ICommandDefinition
{
    public static CommandSpec Definition { get; } = new("study reviewers", "검토채널", "Post suggested questions for review in a channel, or off", "제안 문제를 검토할 채널 정하기, 또는 off",
        [
            new("channel", "채널", ParameterKind.Word, "The reviewers' channel (#channel), here, or off", "검토 채널 (#채널), here, 또는 off", Required: true),
        ],
        AdminOnly: true);

    public CommandSpec Spec => Definition;

    // Discord writes a channel as <#123>, Slack as <#C123|name> (or <#C123>); a bare id works everywhere.
    [GeneratedRegex(@"^<#([A-Za-z0-9]+)(?:\|[^>]*)?>$|^([A-Za-z0-9_-]{1,40})$")]
    private static partial Regex ChannelReference();

    public async Task<ChatReply> RunAsync(CommandContext context, CommandArgs args, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var text = args.Text("channel")!.Trim();
        var channel = await channels.GetOrAddAsync(context.Channel, cancellationToken);
        if (text.Equals("off", StringComparison.OrdinalIgnoreCase) || text == "끄기")
        {
            await suggestions.SetReviewersChannelAsync(channel.Id, null, cancellationToken);
            return ChatReply.Private(Say.In(language, "No reviewers channel", "검토 채널 끔"),
                Say.In(language, "Suggestions wait in the queue: admins see them with /study suggestions.", "제안은 대기열에 남아요. 관리자는 /study suggestions로 봐요."));
        }
        var match = ChannelReference().Match(text);
        if (!match.Success)
            return ChatReply.Private(Say.In(language, "Not a channel", "채널이 아니에요"),
                Say.In(language, $"\"{TextCut.ToLength(text, 40)}\" is not a channel. Usage: /study reviewers #channel | here | off",
                    $"\"{TextCut.ToLength(text, 40)}\"은(는) 채널이 아니에요. 사용법: /study reviewers #채널 | here | off"));
        var id = text.Equals("here", StringComparison.OrdinalIgnoreCase) ? context.Channel.ChannelId
            : match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
        await suggestions.SetReviewersChannelAsync(channel.Id, id, cancellationToken);
        return ChatReply.Private(Say.In(language, "Reviewers channel set", "검토 채널을 정했어요"),
            Say.In(language, $"New suggestions from here are posted for review in {Mention(context, id)} with Approve / Edit / Reject.",
                $"이 채널의 새 제안은 {Mention(context, id)}에 승인 / 수정 / 거절 버튼과 함께 올라가요."));
    }

    private static string Mention(CommandContext context, string id) => context.Channel.Platform switch
    {
        "discord" or "slack" => $"<#{id}>",
        _ => "#" + id,
    };
}
