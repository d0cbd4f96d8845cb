using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ProposalPlatform.ServiceDefaults;

/// <summary>
/// Strings are read through <see cref="PlainTextJsonConverter"/>, and a custom converter leaves the
/// schema generator knowing nothing of them: it wrote <c>{}</c> for every string, and arrays of them
/// without <c>items</c>. This says again that they are strings.
/// </summary>
public sealed class OpenApiTextSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(string))
        {
            schema.Type = (schema.Type ?? 0) | JsonSchemaType.String;
        }
        else if (schema.Items is null && (schema.Type & JsonSchemaType.Array) != 0 && ElementType(type) == typeof(string))
        {
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
        }

        return Task.CompletedTask;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}
