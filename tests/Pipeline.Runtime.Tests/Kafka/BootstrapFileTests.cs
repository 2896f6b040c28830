using Pipeline.Runtime.Kafka;

namespace Pipeline.Runtime.Tests.Kafka;

public sealed class BootstrapFileTests
{
    [Fact]
    public void Write_NewFolder_ReadBackTrimmed()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"bs-{Guid.NewGuid():N}");
        var file = Path.Combine(dir, "nested", "bootstrap");
        try
        {
            BootstrapFile.Write(file, "127.0.0.1:1,127.0.0.1:2");

            Assert.Equal("127.0.0.1:1,127.0.0.1:2", BootstrapFile.TryRead(file));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void TryRead_MissingFile_ReturnsNull() =>
        Assert.Null(BootstrapFile.TryRead(Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}")));
}
