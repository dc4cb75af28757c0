using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace StudyBot.Tests;

/// <summary>
/// deploy/docker-compose.cluster.yml as Compose reads it (anchors and merge keys resolved): there is no Docker
/// engine here, so the file is checked for what README "Run as a cluster" promises.
/// </summary>
public sealed partial class ClusterComposeTests
{
    private static readonly Dictionary<object, object> Services = (Dictionary<object, object>)Compose()["services"];

    [Fact]
    public void Postgres_15_or_newer_keeps_its_data_in_a_named_volume_and_has_a_pg_isready_healthcheck()
    {
        var postgres = Service("postgres");
        var version = int.Parse(PostgresImage().Match((string)postgres["image"]).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(version >= 15, $"postgres image {postgres["image"]}");
        Assert.Contains("postgres-data:/var/lib/postgresql/data", List(postgres["volumes"]));
        Assert.Contains("postgres-data", ((Dictionary<object, object>)Compose()["volumes"]).Keys);
        Assert.Contains(List(Map(postgres["healthcheck"])["test"]), part => part.Contains("pg_isready", StringComparison.Ordinal));
    }

    [Fact]
    public void Three_nodes_on_postgres_wait_for_a_healthy_database_and_each_has_its_own_host_name()
    {
        var nodes = Services.Keys.Cast<string>().Where(n => n.StartsWith("studybot", StringComparison.Ordinal)).Select(Service).ToList();

        Assert.Equal(3, nodes.Count);
        Assert.Equal(3, nodes.Select(n => (string)n["hostname"]).Distinct().Count());
        Assert.All(nodes, node =>
        {
            var environment = Map(node["environment"]);
            Assert.Equal("postgres", environment["StudyBot__Storage__Provider"]);
            Assert.StartsWith("Host=postgres;", (string)environment["StudyBot__Storage__ConnectionString"], StringComparison.Ordinal);
            Assert.Equal("service_healthy", Map(Map(node["depends_on"])["postgres"])["condition"]);
            Assert.Equal(["CMD", "dotnet", "studybot.dll", "healthcheck"], List(Map(node["healthcheck"])["test"]));
            Assert.Contains(".env", List(node["env_file"]));
            Assert.Contains("../content:/app/content:ro", List(node["volumes"]));
        });
    }

    [Fact]
    public void No_password_or_token_is_written_in_the_file()
    {
        var values = Services.Values.Cast<Dictionary<object, object>>()
            .SelectMany(s => s.TryGetValue("environment", out var e) ? Map(e) : []).ToList();

        Assert.NotEmpty(values);
        Assert.All(values, pair =>
        {
            var (name, value) = ((string)pair.Key, (string)pair.Value);
            if (name.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase) || name.Contains("Token", StringComparison.OrdinalIgnoreCase))
                Assert.Matches(@"^\$\{[A-Z_]+:\?", value);
            foreach (Match password in PasswordInConnectionString().Matches(value)) Assert.StartsWith("${", password.Groups[1].Value, StringComparison.Ordinal);
        });
    }

    private static Dictionary<object, object> Service(string name) => (Dictionary<object, object>)Services[name];

    private static Dictionary<object, object> Map(object value) => (Dictionary<object, object>)value;

    private static List<string> List(object value) => ((List<object>)value).Cast<string>().ToList();

    private static Dictionary<object, object> Compose()
    {
        using var reader = new StreamReader(Path.Combine(RepositoryRoot(), "deploy", "docker-compose.cluster.yml"));
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StudyBot.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("StudyBot.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"^postgres:(\d+)")]
    private static partial Regex PostgresImage();

    [GeneratedRegex(@"Password=([^;]*)")]
    private static partial Regex PasswordInConnectionString();
}
