namespace Pipeline.Integration.Tests.Support;

/// <summary>A fact that runs only when environment variable <c>variable</c> is <c>1</c>; skipped with <c>why</c> otherwise.</summary>
public sealed class OptInFactAttribute : FactAttribute
{
    public OptInFactAttribute(string variable, string why)
    {
        if (Environment.GetEnvironmentVariable(variable) != "1") Skip = $"{why} Run it with {variable}=1.";
    }
}
