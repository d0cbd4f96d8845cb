using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ProposalPlatform.Identity.Pages;

/// <summary>The sign-in pages' HTML: one plain page, no script, no external asset, Chinese first.</summary>
public static class Html
{
    private const string Style = """
        body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;background:#f4f5f7;margin:0}
        main{max-width:24rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:.5rem;box-shadow:0 1px 4px #0002}
        h1{font-size:1.25rem;margin:0 0 .25rem}p.sub{color:#666;margin:0 0 1.5rem;font-size:.9rem}
        label{display:block;margin:.75rem 0 .25rem}input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem}
        button{margin-top:1.25rem;width:100%;padding:.6rem;font-size:1rem;background:#b71c1c;color:#fff;border:0;border-radius:.25rem}
        p.error{background:#fdecea;color:#8a1c1c;padding:.75rem;border-radius:.25rem}p.hint{color:#666;font-size:.85rem}
        """;

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static ContentHttpResult Page(string title, string body, int statusCode = StatusCodes.Status200OK) =>
        TypedResults.Content(
            $"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
            <title>{Encode(title)} - 建议提案办理平台</title><style>{Style}</style></head>
            <body><main>
            <h1>{Encode(title)}</h1><p class="sub">建议提案办理平台 · ProposalPlatform</p>
            {body}
            </main></body>
            </html>
            """,
            "text/html; charset=utf-8",
            Encoding.UTF8,
            statusCode);

    /// <summary>The error paragraph; <paramref name="code"/> lets a test tell the errors apart without reading Chinese.</summary>
    public static string Error(string code, string message) =>
        $"""<p class="error" data-error="{Encode(code)}">{Encode(message)}</p>""";

    public static string AntiforgeryField(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return $"""<input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken)}">""";
    }

    /// <summary>The pages are never framed, cached or scripted.</summary>
    public static void Harden(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
