namespace Pipeline.Fleet.Tests.Support;

/// <summary>The <c>pipeline.dll</c> built next to the tests, whose <c>replica</c> and <c>proxy</c> commands the local target and these tests run.</summary>
public static class FleetProgram
{
    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "pipeline.dll");
}
