using System.Security.Cryptography;
using ErrorTrace.Server.Compression;
using Microsoft.Net.Http.Headers;

namespace ErrorTrace.Server.Panel;

/// <summary>One file of the panel embedded in this assembly by <c>web/panel.targets</c>: its bytes, content type and a
/// strong ETag (a hash of the bytes).</summary>
internal sealed record PanelAsset(byte[] Content, string ContentType, EntityTagHeaderValue ETag)
{
    /// <summary>What is sent: the file as is, or gzip-compressed once for browsers that accept it.</summary>
    public PrecompressedBody Body { get; } = new(Content, ETag);

    private const string ResourcePrefix = "ErrorTrace.Panel.";

    /// <summary>The embedded file, or null when the build did not embed it (a design-time build).</summary>
    public static PanelAsset? Load(string name, string contentType)
    {
        using var stream = typeof(PanelAsset).Assembly.GetManifestResourceStream(ResourcePrefix + name);
        if (stream is null) return null;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var content = buffer.ToArray();
        return new PanelAsset(content, contentType, new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\""));
    }
}
