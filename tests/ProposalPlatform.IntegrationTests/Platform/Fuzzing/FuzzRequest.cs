using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace ProposalPlatform.IntegrationTests.Platform.Fuzzing;

/// <summary>One generated request: what it is (valid, or which rule it breaks) and its bytes.</summary>
public sealed record FuzzRequest(ApiOperation Operation, bool Valid, string Kind, string PathAndQuery, string? ContentType, byte[]? Body)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Operation.Method, PathAndQuery);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
            }
        }

        return message;
    }

    /// <summary>The request as a reader replays it: method, address, media type and (the start of) its body, control characters shown.</summary>
    public string Describe()
    {
        var text = new StringBuilder($"{Operation.Method} {PathAndQuery} ({Operation.Id}; {(Valid ? "valid" : "invalid: " + Kind)})");
        if (Body is not null)
        {
            text.Append($"\n  content-type: {ContentType ?? "(none)"}\n  body ({Body.Length} bytes): ").Append(Visible(Encoding.UTF8.GetString(Body), 1_500));
        }

        return text.ToString();
    }

    public static string Visible(string text, int max)
    {
        var shown = new StringBuilder();
        foreach (var c in text.Length > max ? text[..max] : text)
        {
            shown.Append(char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return text.Length > max ? shown.Append($"… ({text.Length} characters)").ToString() : shown.ToString();
    }
}

/// <summary>
/// What a field takes beyond what its schema says: the values the domain accepts, some it refuses,
/// whether it must be there, and how often (in percent) a valid request sends it when it need not.
/// </summary>
public sealed record FieldRule(Gen<JsonNode> Valid, Gen<JsonNode>? Outside = null, bool Required = false, int Presence = 60)
{
    public FieldRule AsRequired() => this with { Required = true };

    /// <summary>Sent now and then only: a value that is right only for some items (a submitter's name) is mostly left out.</summary>
    public FieldRule Seldom() => this with { Presence = 10 };
}

/// <summary>A generator written as a function of CsCheck's random source, for what is easier to say step by step.</summary>
public sealed class GenOf<T>(Func<PCG, T> generate) : Gen<T>
{
    public override T Generate(PCG pcg, Size? min, out Size size)
    {
        size = new Size(0);
        return generate(pcg);
    }
}

public static class GenExtensions
{
    public static T Draw<T>(this Gen<T> gen, PCG pcg) => gen.Generate(pcg, null, out _);

    public static T Pick<T>(this PCG pcg, IReadOnlyList<T> values) => values[(int)pcg.Next((uint)values.Count)];

    /// <summary>True with the given chance, in percent.</summary>
    public static bool Chance(this PCG pcg, int percent) => pcg.Next(100) < percent;

    public static Gen<JsonNode> AsNode(this Gen<string> gen) => gen.Select(s => (JsonNode)JsonValue.Create(s));

    public static Gen<JsonNode> AsNode(this Gen<int> gen) => gen.Select(i => (JsonNode)JsonValue.Create(i));

    /// <summary>The text a query string or a path carries for a generated value.</summary>
    public static string AsText(this JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString() ?? "";
}
