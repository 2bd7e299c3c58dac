using ErrorTrace.Server.Panel;

namespace ErrorTrace.Server.Tests;

/// <summary>The committed panel bundle (web/bundle/, embedded when a machine has no Node) is byte-identical to what this
/// build made from web/src. When it is not: run scripts/panel-bundle.sh and commit web/bundle/.</summary>
public sealed class PanelBundleTests
{
    [Theory]
    [InlineData("error-trace-panel.js")]
    [InlineData("error-trace-app.js")]
    public void The_committed_bundle_is_a_fresh_build(string file)
    {
        var source = PanelAsset.Load("bundle-source.txt", "text/plain");
        Assert.NotNull(source);
        if (System.Text.Encoding.UTF8.GetString(source.Content).Trim() != "built")
            Assert.Skip("This build had no Node and embedded the committed bundle itself: there is no fresh build to compare.");

        var fresh = PanelAsset.Load(file, "text/javascript");
        Assert.NotNull(fresh);
        var committed = File.ReadAllBytes(RepositoryFiles.Path("web", "bundle", file));
        Assert.True(fresh.Content.AsSpan().SequenceEqual(committed),
            $"web/bundle/{file} differs from a fresh build of web/src: run scripts/panel-bundle.sh and commit web/bundle/.");
    }
}
