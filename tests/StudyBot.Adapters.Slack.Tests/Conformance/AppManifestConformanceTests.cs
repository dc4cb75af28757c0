using System.Text.RegularExpressions;
using StudyBot.Core.Commands;
using YamlDotNet.RepresentationModel;

namespace StudyBot.Adapters.Slack.Tests.Conformance;

/// <summary>
/// deploy/slack-app-manifest.yaml against Slack's app manifest field reference. Slack publishes no
/// machine-readable manifest schema (apps.manifest.validate is a Web API call), so these checks are
/// written from the documented fields: docs.slack.dev/reference/app-manifest and the typed copy in
/// slackapi/node-slack-sdk packages/web-api/src/types/request/manifest.ts (see Conformance/README.md).
/// </summary>
public sealed partial class AppManifestConformanceTests
{
    /// <summary>The bot-token scope each Web API method needs (docs.slack.dev/reference/methods/...). A method missing here fails the test.</summary>
    private static readonly Dictionary<string, string?> ScopeByMethod = new(StringComparer.Ordinal)
    {
        ["auth.test"] = null,
        // The app-level token's connections:write, not a bot scope.
        ["apps.connections.open"] = null,
        ["chat.postMessage"] = "chat:write",
        ["chat.update"] = "chat:write",
        ["chat.postEphemeral"] = "chat:write",
        ["chat.delete"] = "chat:write",
        ["users.info"] = "users:read",
        ["conversations.open"] = "im:write",
        ["files.getUploadURLExternal"] = "files:write",
        ["files.completeUploadExternal"] = "files:write",
        ["pins.add"] = "pins:write",
        ["pins.remove"] = "pins:write",
        // A resent daily post is looked up first; groups:history covers private channels the same way.
        ["conversations.history"] = "channels:history",
        // /study suggest's modal: views.* methods need no scope (https://api.slack.com/methods/views.open), only interactivity.
        ["views.open"] = null,
    };

    private static readonly HashSet<string> TopLevel = ["_metadata", "display_information", "features", "oauth_config", "settings", "functions", "workflows", "datastores", "outgoing_domains", "types"];

    private readonly YamlMappingNode _manifest = AppManifestTests.Load();

    [Fact]
    public void Only_documented_top_level_keys_and_the_required_display_name()
    {
        Assert.All(_manifest.Children.Keys, key => Assert.Contains(((YamlScalarNode)key).Value!, TopLevel));
        var display = Map(_manifest, "display_information");
        Assert.InRange(Scalar(display, "name")!.Length, 1, 35);
        Assert.InRange(Scalar(display, "description")!.Length, 1, 140);
        Assert.Matches("^#[0-9a-fA-F]{6}$", Scalar(display, "background_color")!);
        var metadata = Map(_manifest, "_metadata");
        Assert.Contains(Scalar(metadata, "major_version"), new[] { "1", "2" });
    }

    [Fact]
    public void Bot_user_display_name_uses_only_the_allowed_characters()
    {
        var name = Scalar(Map(Map(_manifest, "features"), "bot_user"), "display_name")!;
        Assert.InRange(name.Length, 1, 80);
        Assert.Matches("^[a-z0-9._-]+$", name);
    }

    [Fact]
    public void The_slash_command_is_well_formed_and_its_hint_names_every_command()
    {
        var command = (YamlMappingNode)((YamlSequenceNode)Map(_manifest, "features").Children[new YamlScalarNode("slash_commands")]).Children.Single();
        var name = Scalar(command, "command")!;
        Assert.Matches("^/[a-z0-9_-]{1,31}$", name);
        Assert.Equal("/" + CommandSpecs.Study.Name, name);
        Assert.InRange(Scalar(command, "description")!.Length, 1, 2000);
        var hint = Scalar(command, "usage_hint")!;
        Assert.InRange(hint.Length, 1, 1000);
        // Every command as typed after /study: "topic", "setup" (for "study setup"), ...
        var words = hint.Split([' ', '|', '[', ']'], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        Assert.All(CommandSpecs.All, spec => Assert.Contains(spec.Name.Split(' ')[^1], words));
    }

    [Fact]
    public void Socket_Mode_interactivity_and_no_request_urls()
    {
        var settings = Map(_manifest, "settings");
        Assert.Equal("true", Scalar(settings, "socket_mode_enabled"));
        var interactivity = Map(settings, "interactivity");
        Assert.Equal("true", Scalar(interactivity, "is_enabled"));
        // With Socket Mode on, Slack ignores request URLs; one here would mean the app was set up for HTTP.
        Assert.False(interactivity.Children.ContainsKey(new YamlScalarNode("request_url")));
        Assert.Equal("false", Scalar(settings, "token_rotation_enabled"));
    }

    [Fact]
    public void Bot_scopes_cover_every_Web_API_method_the_adapter_calls()
    {
        var scopes = ((YamlSequenceNode)Map(Map(_manifest, "oauth_config"), "scopes").Children[new YamlScalarNode("bot")])
            .Children.Select(s => ((YamlScalarNode)s).Value!).ToHashSet(StringComparer.Ordinal);
        var methods = MethodsCalled();

        Assert.Contains("chat.postMessage", methods);
        Assert.Contains("users.info", methods);
        foreach (var method in methods)
        {
            Assert.True(ScopeByMethod.TryGetValue(method, out var scope), $"{method} is called but its scope is not in {nameof(ScopeByMethod)}: look it up and add it");
            if (scope is not null) Assert.True(scopes.Contains(scope), $"{method} needs the bot scope {scope}, which the manifest does not request");
        }
        Assert.Contains("commands", scopes);
        Assert.InRange(scopes.Count, 1, 255);
    }

    /// <summary>Every Web API method named in the adapter's source: "chat.update", "users.info", ...</summary>
    private static HashSet<string> MethodsCalled()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "src", "StudyBot.Adapters.Slack")))
            directory = directory.Parent;
        Assert.NotNull(directory);
        var source = Path.Combine(directory.FullName, "src", "StudyBot.Adapters.Slack");
        return Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => MethodName().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Where(name => name.Split('.')[0] is "auth" or "apps" or "chat" or "users" or "conversations" or "files" or "reactions" or "views")
            .ToHashSet(StringComparer.Ordinal);
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string? Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value;

    [GeneratedRegex("\"([a-z]+\\.[a-zA-Z]+(?:\\.[a-zA-Z]+)?)\"")]
    private static partial Regex MethodName();
}
