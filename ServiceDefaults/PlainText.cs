using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace ProposalPlatform.ServiceDefaults;

/// <summary>
/// What text the platform takes: no NUL or other control character but tab and line breaks, no lone
/// surrogate. PostgreSQL cannot store a NUL in text, so without this check such a field was a 500.
/// </summary>
public static class PlainText
{
    /// <summary>The first character that is not plain text, or null.</summary>
    public static int? FirstForbidden(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || (char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
            {
                return i;
            }
        }

        return null;
    }

    public static string Describe(string text, int index) =>
        char.IsSurrogate(text[index])
            ? $"It has an unpaired surrogate at position {index + 1}: send valid Unicode text."
            : $"It has the control character U+{(int)text[index]:X4} at position {index + 1}: text may hold tabs and line breaks, no other control character.";
}

/// <summary>Every string a request's JSON body holds is checked as it is read: a bad one is a 400 naming its field.</summary>
public sealed class PlainTextJsonConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is not null && PlainText.FirstForbidden(text) is { } index ? throw new JsonException(PlainText.Describe(text, index)) : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    // strings are dictionary keys too (a ValidationProblem's errors, a request's maps)
    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Read(ref reader, typeToConvert, options) ?? "";

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);
}

/// <summary>The query string and the path are checked before any endpoint sees them: a bad one is a 400 naming the parameter.</summary>
public static class PlainTextRequests
{
    public static (string Field, string Message)? FirstForbiddenPart(HttpRequest request)
    {
        if (request.Path.Value is { } path && PlainText.FirstForbidden(path) is { } at)
        {
            return ("path", PlainText.Describe(path, at));
        }

        foreach (var (name, values) in request.Query)
        {
            if (PlainText.FirstForbidden(name) is { } inName)
            {
                return ("query", PlainText.Describe(name, inName));
            }

            foreach (var value in values)
            {
                if (value is not null && PlainText.FirstForbidden(value) is { } inValue)
                {
                    return (name, PlainText.Describe(value, inValue));
                }
            }
        }

        return null;
    }
}

/// <summary>
/// The longest text each kind of field takes, written once for every service: the database would
/// take more, but a megabyte of "reason" is an attack, not a reason.
/// </summary>
public static class TextLimits
{
    /// <summary>A unit's or a rule's code.</summary>
    public const int Code = 50;

    /// <summary>A person's, a unit's or a place's name; a keyword.</summary>
    public const int Name = 100;

    /// <summary>Why something was done: a reassignment, a return, an extension, a cancellation.</summary>
    public const int Reason = 2_000;

    /// <summary>Notes, comments, a report.</summary>
    public const int Note = 4_000;

    /// <summary>The message for a text over <paramref name="limit"/>, or null.</summary>
    public static string? Exceeded(string? value, int limit) =>
        value is { Length: var length } && length > limit ? $"At most {limit} characters ({length} given)." : null;
}
