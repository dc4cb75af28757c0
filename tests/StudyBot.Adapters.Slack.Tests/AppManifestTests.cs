using YamlDotNet.RepresentationModel;

namespace StudyBot.Adapters.Slack.Tests;

/// <summary>deploy/slack-app-manifest.yaml must set up everything the adapter uses, so creating the app is paste-and-go.</summary>
public sealed class AppManifestTests
{
    private readonly YamlMappingNode _manifest = Load();

    [Fact]
    public void Socket_Mode_and_interactivity_are_on()
    {
        var settings = Map(_manifest, "settings");
        Assert.Equal("true", Scalar(settings, "socket_mode_enabled"));
        Assert.Equal("true", Scalar(Map(settings, "interactivity"), "is_enabled"));
    }

    [Fact]
    public void The_one_slash_command_is_study_without_a_request_url()
    {
        var commands = (YamlSequenceNode)Map(_manifest, "features").Children[new YamlScalarNode("slash_commands")];
        var command = (YamlMappingNode)Assert.Single(commands.Children);
        Assert.Equal("/study", Scalar(command, "command"));
        Assert.False(command.Children.ContainsKey(new YamlScalarNode("url")));
        // /study reviewers #channel and /study ping @group read Slack's escaped ids (<#C…|name>, <!subteam^S…|@group>);
        // unescaped, Slack sends the typed "#name" and "@group", which name nothing the bot can resolve.
        Assert.Equal("true", Scalar(command, "should_escape"));
    }

    [Fact]
    public void Bot_scopes_cover_every_Web_API_method_the_adapter_calls()
    {
        var scopes = ((YamlSequenceNode)Map(Map(_manifest, "oauth_config"), "scopes").Children[new YamlScalarNode("bot")])
            .Children.Select(s => ((YamlScalarNode)s).Value).ToHashSet();
        // commands: /study; chat:write: postMessage, update, postEphemeral; users:read: users.info (admins, locale).
        Assert.Contains("commands", scopes);
        Assert.Contains("chat:write", scopes);
        Assert.Contains("users:read", scopes);
        Assert.Equal("studybot", Scalar(Map(Map(_manifest, "features"), "bot_user"), "display_name"));
    }

    internal static YamlMappingNode Load()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "deploy", "slack-app-manifest.yaml")))
            directory = directory.Parent;
        Assert.NotNull(directory);
        using var reader = new StreamReader(Path.Combine(directory.FullName, "deploy", "slack-app-manifest.yaml"));
        var yaml = new YamlStream();
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string? Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value;
}
