namespace ErrorTrace.Core.Classification;

/// <summary>Module names (<c>torch/cuda</c>, <c>torch.distributed</c>, <c>PIL</c>) matched against a <see cref="FrameModule"/>
/// as whole path segments: <c>torch/cuda</c> matches <c>torch/cuda/memory</c>, <c>os</c> does not match <c>osgeo</c>.</summary>
internal sealed class ModuleMatcher
{
    private readonly string[] _modules;

    private ModuleMatcher(string[] modules) => _modules = modules;

    /// <exception cref="ArgumentException">An empty name.</exception>
    public static ModuleMatcher? Create(IReadOnlyList<string>? modules, string field)
    {
        if (modules is null || modules.Count == 0) return null;
        if (modules.Any(string.IsNullOrWhiteSpace)) throw new ArgumentException($"{field} has an empty module name");
        return new ModuleMatcher([.. modules.Select(m => m.Replace('.', '/').Trim('/'))]);
    }

    public bool Matches(string? module)
    {
        if (module is null) return false;
        foreach (var name in _modules)
        {
            if (module.StartsWith(name, StringComparison.Ordinal) && (module.Length == name.Length || module[name.Length] == '/')) return true;
        }

        return false;
    }
}
