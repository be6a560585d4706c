using System.Text.Encodings.Web;
using System.Text.Json;

namespace ScanPipeline.SampleGenerator.Corpus;

/// <summary>JSON settings for the files the generator writes: camelCase, indented, umlauts kept readable.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write<T>(string path, T value) =>
        File.WriteAllText(path, JsonSerializer.Serialize(value, Options).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
}
