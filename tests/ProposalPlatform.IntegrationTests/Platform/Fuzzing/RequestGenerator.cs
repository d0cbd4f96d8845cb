using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.OpenApi;

namespace ProposalPlatform.IntegrationTests.Platform.Fuzzing;

/// <summary>
/// Requests for one operation, from its parameters' and body's schemas (and what <see cref="DomainValues"/>
/// adds to them): valid ones, and invalid ones that each break one rule — malformed JSON, another
/// media type, a value of another JSON type, a control character, a required field left out, a
/// value outside the domain (too long, out of range, not one of an enum's names), a query parameter
/// that is no number, a path parameter that is no identifier. Every invalid kind is one the platform
/// must refuse with a 4xx ProblemDetails.
/// </summary>
public sealed class RequestGenerator(ApiOperation operation, DomainValues domain, Func<string, IReadOnlyList<string>> existing)
{
    private const string JsonMediaType = "application/json";
    private const string LoneSurrogate = "FUZZ-LONE-SURROGATE";

    private static readonly JsonSerializerOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] ControlCharacters = ["\u0000", "\u0001", "\u0008", "\u000B", "\u000C", "\u001B", "\u001F", "\u007F", "\u0085", "\u009F"];
    private static readonly string[] OtherMediaTypes = ["text/plain", "application/xml", "application/octet-stream", "multipart/form-data; boundary=fuzz"];

    public Gen<FuzzRequest> Valid => new GenOf<FuzzRequest>(pcg => Draft(pcg).ToRequest(operation, valid: true, "valid"));

    public Gen<FuzzRequest> Invalid => new GenOf<FuzzRequest>(pcg =>
    {
        var draft = Draft(pcg);
        var (kind, apply) = pcg.Pick(Mutations(draft));
        return draft.ToRequest(operation, valid: false, apply(pcg) is { } broken ? $"{kind} ({broken})" : kind);
    });

    private RequestDraft Draft(PCG pcg)
    {
        var draft = new RequestDraft();
        foreach (var parameter in operation.Parameters(ParameterLocation.Path))
        {
            var pool = existing(parameter.Name!);
            draft.Path[parameter.Name!] = pool.Count > 0 && pcg.Chance(90) ? pcg.Pick(pool) : Scalar(parameter.Schema, pcg);
        }

        foreach (var parameter in operation.Parameters(ParameterLocation.Query))
        {
            var rule = domain.Query(operation.Id, parameter.Name!);
            if (parameter.Required || rule?.Required is true || pcg.Chance(rule?.Presence ?? 50))
            {
                draft.Query.Add(new QueryValue(parameter.Name!, rule?.Valid.Draw(pcg).AsText() ?? Scalar(parameter.Schema, pcg), parameter.Schema));
            }
        }

        if (operation.Body.TryGetValue(JsonMediaType, out var media) && (operation.BodyRequired || pcg.Chance(80)))
        {
            draft.Json = Value(media.Schema!, null, "", pcg, draft.Slots, depth: 0, refused: true);
            draft.ContentType = JsonMediaType;
            // a body that names what its path names names it the same (a unit's code)
            foreach (var (name, value) in draft.Path)
            {
                if (draft.Json is JsonObject body && body.ContainsKey(name))
                {
                    body[name] = value;
                }
            }
        }

        return draft;
    }

    /// <summary>The rules a request can break, each with what breaks it; that answers the field it broke, where it broke one.</summary>
    private List<(string Kind, Func<PCG, string?> Apply)> Mutations(RequestDraft draft)
    {
        var mutations = new List<(string, Func<PCG, string?>)>
        {
            ("a control character in the query", pcg =>
            {
                var texts = draft.Query.Where(q => q.Schema?.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Boolean)) == 0).ToList();
                if (texts.Count > 0 && pcg.Chance(70))
                {
                    var target = pcg.Pick(texts);
                    target.Value = WithControlCharacter(target.Value, pcg, query: true);
                    return target.Name;
                }

                draft.Query.Add(new QueryValue(pcg.Chance(50) ? "x" : "x" + WithControlCharacter("", pcg, query: true), WithControlCharacter("文", pcg, query: true), null));
                return null;
            }),
        };

        if (draft.Json is not null)
        {
            mutations.Add(("malformed JSON", pcg =>
            {
                draft.Raw = Malformed(draft.Text(), pcg);
                return null;
            }));
            mutations.Add(("an unsupported media type", pcg => draft.ContentType = pcg.Pick(OtherMediaTypes.Where(t => !operation.Body.ContainsKey(t)).ToList())));
            mutations.Add(("a body of another JSON type", pcg =>
            {
                draft.Json = OtherType(draft.Json, pcg);
                return null;
            }));
            if (operation.BodyRequired)
            {
                mutations.Add(("no body", pcg =>
                {
                    draft.Raw = [];
                    return null;
                }));
            }
        }

        if (draft.Slots.Count > 0)
        {
            mutations.Add(("a field of another JSON type", pcg =>
            {
                var slot = pcg.Pick(draft.Slots);
                slot.Set(OtherType(slot.Get(), pcg));
                return slot.Path;
            }));
        }

        var texts = draft.Slots.Where(s => s.Get() is JsonValue v && v.GetValueKind() == JsonValueKind.String).ToList();
        if (texts.Count > 0)
        {
            mutations.Add(("a control character in a text field", pcg =>
            {
                var slot = pcg.Pick(texts);
                slot.Set(WithControlCharacter(slot.Get()!.GetValue<string>(), pcg, query: false));
                return slot.Path;
            }));
        }

        var required = draft.Slots.Where(s => s.Rule?.Required is true && s.Parent is JsonObject).ToList();
        if (required.Count > 0)
        {
            mutations.Add(("a required field left out", pcg =>
            {
                var slot = pcg.Pick(required);
                slot.Remove();
                return slot.Path;
            }));
        }

        var bounded = draft.Slots.Where(s => s.Rule?.Outside is not null).ToList();
        if (bounded.Count > 0)
        {
            mutations.Add(("a value outside the domain", pcg =>
            {
                var slot = pcg.Pick(bounded);
                slot.Set(slot.Rule!.Outside!.Draw(pcg).DeepClone());
                return slot.Path;
            }));
        }

        var boundedQuery = operation.Parameters(ParameterLocation.Query)
            .Select(p => (p.Name!, Rule: domain.Query(operation.Id, p.Name!))).Where(p => p.Rule?.Outside is not null).ToList();
        if (boundedQuery.Count > 0)
        {
            mutations.Add(("a query value outside the domain", pcg =>
            {
                var (name, rule) = pcg.Pick(boundedQuery);
                draft.SetQuery(name, rule!.Outside!.Draw(pcg).AsText());
                return name;
            }));
        }

        var typedQuery = operation.Parameters(ParameterLocation.Query)
            .Where(p => p.Schema?.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Boolean)) != 0).ToList();
        if (typedQuery.Count > 0)
        {
            mutations.Add(("a query parameter of another type", pcg =>
            {
                var parameter = pcg.Pick(typedQuery);
                draft.SetQuery(parameter.Name!, (parameter.Schema!.Type! & JsonSchemaType.Integer) != 0
                    ? pcg.Pick(["abc", "1.5", "2147483648", "-2147483649", "99999999999999999999", "1e3", "0x1F", "١٢"])
                    : pcg.Pick(["maybe", "2", "yes!", "truee"]));
                return parameter.Name;
            }));
        }

        var path = operation.Parameters(ParameterLocation.Path).ToList();
        if (path.Count > 0)
        {
            mutations.Add(("a malformed path parameter", pcg =>
            {
                var parameter = pcg.Pick(path);
                var schema = parameter.Schema;
                draft.Path[parameter.Name!] = schema?.Format == "uuid"
                    ? pcg.Pick(["not-a-guid", "12345", Scalar(schema, pcg).Replace("-", "", StringComparison.Ordinal) + "0", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "{" + Guid.Empty + "}x", " "])
                    : schema?.Type is { } type && (type & JsonSchemaType.Integer) != 0
                        ? pcg.Pick(["abc", "1.5", "99999999999", "1e3", "-"])
                        : WithControlCharacter(draft.Path[parameter.Name!], pcg, query: true);
                return parameter.Name;
            }));
        }

        return mutations;
    }

    /// <summary>
    /// A value for <paramref name="schema"/>; <paramref name="slots"/> gets every property and element, so
    /// one can be changed later, with its domain rule where a wrong value in it gets the request <paramref name="refused"/>.
    /// </summary>
    private JsonNode? Value(IOpenApiSchema schema, string? name, string path, PCG pcg, List<Slot> slots, int depth, bool refused)
    {
        name = schema is OpenApiSchemaReference reference ? reference.Reference.Id : name;
        if (schema.OneOf is { Count: > 0 } alternatives)
        {
            var present = alternatives.FirstOrDefault(a => a.Type != JsonSchemaType.Null) ?? alternatives[0];
            return Value(present, name, path, pcg, slots, depth, refused);
        }

        var type = schema.Type ?? 0;
        if (schema.Properties is { Count: > 0 } properties)
        {
            var value = new JsonObject();
            foreach (var (property, propertySchema) in properties)
            {
                var rule = domain.Field(name, property);
                if (schema.Required?.Contains(property) is true || rule?.Required is true || pcg.Chance(rule?.Presence ?? 60))
                {
                    var inner = refused && !DomainValues.ReportsErrorsOf(name, property);
                    var at = path.Length == 0 ? property : $"{path}.{property}";
                    value[property] = rule is not null ? rule.Valid.Draw(pcg).DeepClone() : Value(propertySchema, null, at, pcg, slots, depth + 1, inner);
                    slots.Add(new Slot(value, property, -1, refused ? rule : null, at));
                }
            }

            DomainValues.Relate(name, value, pcg);
            return value;
        }

        if ((type & JsonSchemaType.Array) != 0 && schema.Items is { } items && depth < 4)
        {
            var value = new JsonArray();
            for (var i = (int)pcg.Next(3); i > 0; i--)
            {
                var at = $"{path}[{value.Count}]";
                value.Add(Value(items, null, at, pcg, slots, depth + 1, refused));
                slots.Add(new Slot(value, null, value.Count - 1, null, at));
            }

            return value;
        }

        return (type & JsonSchemaType.Integer) != 0 ? JsonValue.Create((int)pcg.Next(1_000) + 1)
            : (type & JsonSchemaType.Number) != 0 ? JsonValue.Create(pcg.Next(100_000) / 100.0)
            : (type & JsonSchemaType.Boolean) != 0 ? JsonValue.Create(pcg.Chance(50))
            : (type & JsonSchemaType.Object) != 0 ? new JsonObject()
            : JsonValue.Create(Scalar(schema, pcg));
    }

    /// <summary>A value of a simple schema as text: a path's or a query's, or a string field's.</summary>
    private static string Scalar(IOpenApiSchema? schema, PCG pcg)
    {
        var type = schema?.Type ?? JsonSchemaType.String;
        if (schema?.Enum is { Count: > 0 } names)
        {
            return pcg.Pick(names.ToList()).AsText();
        }

        return schema?.Format switch
        {
            "uuid" => new Guid((int)pcg.Next(), (short)pcg.Next(), (short)pcg.Next(), [.. BitConverter.GetBytes(pcg.Next64())]).ToString(),
            "date-time" => DateTimeOffset.UtcNow.AddDays(pcg.Next(60)).ToString("O", CultureInfo.InvariantCulture),
            "date" => DateTime.UtcNow.AddDays(-(int)pcg.Next(3_000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ when (type & JsonSchemaType.Integer) != 0 => (pcg.Next(1_000_000) + 1).ToString(CultureInfo.InvariantCulture),
            _ when (type & JsonSchemaType.Boolean) != 0 => pcg.Chance(50) ? "true" : "false",
            _ => DomainValues.Text(schema?.MaxLength ?? 40).Valid.Draw(pcg).AsText(),
        };
    }

    private static JsonNode OtherType(JsonNode? value, PCG pcg) => value switch
    {
        JsonObject => pcg.Pick<Func<JsonNode>>([() => new JsonArray(), () => JsonValue.Create("text"), () => JsonValue.Create(3)])(),
        JsonArray => pcg.Pick<Func<JsonNode>>([() => new JsonObject(), () => JsonValue.Create("text"), () => JsonValue.Create(3)])(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => pcg.Pick<Func<JsonNode>>([() => JsonValue.Create(12), () => JsonValue.Create(true), () => new JsonObject(), () => new JsonArray()])(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => pcg.Pick<Func<JsonNode>>([() => JsonValue.Create("abc"), () => JsonValue.Create(true), () => new JsonObject(), () => JsonValue.Create(1.5)])(),
        _ => pcg.Pick<Func<JsonNode>>([() => JsonValue.Create("yes"), () => JsonValue.Create(1), () => new JsonObject()])(),
    };

    private static string WithControlCharacter(string text, PCG pcg, bool query)
    {
        var inserted = !query && pcg.Chance(10) ? LoneSurrogate : pcg.Pick(ControlCharacters);
        var at = (int)pcg.Next((uint)text.Length + 1);
        return text[..at] + inserted + text[at..];
    }

    private static byte[] Malformed(string json, PCG pcg) => pcg.Next(6) switch
    {
        0 => Encoding.UTF8.GetBytes(json[..(int)(1 + pcg.Next((uint)Math.Max(1, json.Length - 1)))]),
        1 => Encoding.UTF8.GetBytes(json + "}"),
        2 when json.Contains('"', StringComparison.Ordinal) => Encoding.UTF8.GetBytes(json.Replace('"', '\'')),
        3 => [.. Encoding.UTF8.GetBytes(json)[..1], 0xFF, 0xFE, .. Encoding.UTF8.GetBytes(json)[1..]],
        4 => Encoding.UTF8.GetBytes(new string('[', 5_000) + new string(']', 5_000)),
        _ => Encoding.UTF8.GetBytes("{\"" + json),
    };

    /// <summary>A request being put together: changed by at most one mutation before it is written out.</summary>
    private sealed class RequestDraft
    {
        public Dictionary<string, string> Path { get; } = [];
        public List<QueryValue> Query { get; } = [];
        public List<Slot> Slots { get; } = [];
        public JsonNode? Json { get; set; }
        public string? ContentType { get; set; }
        public byte[]? Raw { get; set; }

        public string Text() => Json!.ToJsonString(Writing).Replace(LoneSurrogate, "\\uD800", StringComparison.Ordinal);

        public void SetQuery(string name, string value)
        {
            Query.RemoveAll(q => q.Name == name);
            Query.Add(new QueryValue(name, value, null));
        }

        public FuzzRequest ToRequest(ApiOperation operation, bool valid, string kind)
        {
            var path = new StringBuilder(operation.Path);
            foreach (var (name, value) in Path)
            {
                path.Replace("{" + name + "}", Uri.EscapeDataString(value));
            }

            if (Query.Count > 0)
            {
                path.Append('?').AppendJoin('&', Query.Select(q => $"{Uri.EscapeDataString(q.Name)}={Uri.EscapeDataString(q.Value)}"));
            }

            var body = Raw ?? (Json is null ? null : Encoding.UTF8.GetBytes(Text()));
            return new FuzzRequest(operation, valid, kind, path.ToString(), body is null ? null : ContentType ?? JsonMediaType, body);
        }
    }

    private sealed class QueryValue(string name, string value, IOpenApiSchema? schema)
    {
        public string Name { get; } = name;
        public string Value { get; set; } = value;
        public IOpenApiSchema? Schema { get; } = schema;
    }

    /// <summary>Where a generated value sits: a property of an object or an element of an array.</summary>
    private sealed record Slot(JsonNode Parent, string? Property, int Index, FieldRule? Rule, string Path)
    {
        public JsonNode? Get() => Property is not null ? Parent[Property] : Parent.AsArray()[Index];

        public void Set(JsonNode? value)
        {
            if (Property is not null)
            {
                Parent[Property] = value;
            }
            else
            {
                Parent.AsArray()[Index] = value;
            }
        }

        public void Set(string value) => Set(JsonValue.Create(value));

        public void Remove() => Parent.AsObject().Remove(Property!);
    }
}
