using Pipeline.TestSupport.Traces;

namespace Pipeline.Fleet.Tests.Support;

/// <summary>A fact that reads shared trace <c>name</c>; skipped with the reason when <c>shared/traces</c> does not hold it.</summary>
public sealed class TraceFactAttribute : FactAttribute
{
    public TraceFactAttribute(string name)
    {
        try
        {
            SharedTraces.Path(name);
        }
        catch (FileNotFoundException e)
        {
            Skip = $"shared trace absent: {e.Message}";
        }
    }
}
