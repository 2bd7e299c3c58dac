namespace ErrorTrace.Server.Auth;

/// <summary>The claims the authentication handlers put on a caller, whichever scheme authenticated it.</summary>
internal static class CallerClaims
{
    /// <summary><c>owner</c> or <c>admin</c>.</summary>
    public const string Scope = "errortrace:scope";

    /// <summary>The owner whose jobs an owner-scoped caller sees.</summary>
    public const string Owner = "errortrace:owner";

    public const string AdminScope = "admin";
    public const string OwnerScope = "owner";
}
