using System.Net.Http.Headers;

namespace CityTwin.Bench.Imaging;

/// <summary>A STOW-RS request body: <c>multipart/related; type="application/dicom"</c>, one Part 10 instance per part.</summary>
public static class StowBody
{
    public static MultipartContent Of(IEnumerable<byte[]> instances)
    {
        var body = new MultipartContent("related", $"citytwin-bench-{Guid.NewGuid():N}");
        body.Headers.ContentType!.Parameters.Add(new NameValueHeaderValue("type", "\"application/dicom\""));
        foreach (var instance in instances)
        {
            var part = new ByteArrayContent(instance);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/dicom");
            body.Add(part);
        }
        return body;
    }
}
