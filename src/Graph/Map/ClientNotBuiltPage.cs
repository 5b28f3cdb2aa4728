namespace CityTwin.Graph.Map;

/// <summary>The 503 answer for <c>/</c> when the client was never built: says what to run instead of a bare 404.</summary>
internal static class ClientNotBuiltPage
{
    public static async Task WriteAsync(HttpContext context, string folder)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var where = System.Net.WebUtility.HtmlEncode(folder);
        await context.Response.WriteAsync(
            "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>CityTwin: map client not built</title>" +
            "<h1>The map client is not built</h1>" +
            $"<p>No <code>index.html</code> in <code>{where}</code>. Run <code>npm ci &amp;&amp; npm run build</code> in <code>client/</code> " +
            "(<code>./run</code> does this), or set <code>CityTwin:Client:Path</code>.</p>" +
            "<p>GraphQL (<code>/graphql</code>) and health (<code>/healthz</code>) work without it.</p></html>",
            context.RequestAborted);
    }
}
