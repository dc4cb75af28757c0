using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace StudyBot.Testing.Postgres;

/// <summary>
/// The test framework of an assembly whose every test needs PostgreSQL (the storage contract on
/// PostgreSQL inherits plain [Fact]s it cannot mark itself). Without a server on a developer's machine
/// each test is reported as skipped with the reason and how to install one; with CI=true, or with a
/// server, discovery is xunit's own and a missing server fails the tests.
/// Use: <c>[assembly: TestFramework(PostgresTestFramework.TypeName, PostgresTestFramework.AssemblyName)]</c>.
/// </summary>
public sealed class PostgresTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    public const string TypeName = "StudyBot.Testing.Postgres.PostgresTestFramework";
    public const string AssemblyName = "StudyBot.Testing.Postgres";

    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new SkippingDiscoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class SkippingDiscoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus,
            ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            if (PostgresBinaries.MissingReason is not { } reason || PostgresBinaries.InCi)
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            if (!testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any()) return true;
            var skipped = new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason);
            return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
        }
    }
}
