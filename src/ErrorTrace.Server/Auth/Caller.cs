using System.Security.Claims;

namespace ErrorTrace.Server.Auth;

/// <summary>Who is asking: an admin (every job) or an owner (that owner's jobs only).</summary>
internal sealed record Caller(bool IsAdmin, string? Owner)
{
    public static Caller From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var admin = user.HasClaim(CallerClaims.Scope, CallerClaims.AdminScope);
        return new Caller(admin, admin ? null : user.FindFirst(CallerClaims.Owner)?.Value);
    }

    /// <summary>The owner filter for queries: null for an admin. A caller without an owner matches no job.</summary>
    public string? OwnerFilter => IsAdmin ? null : Owner ?? "\0no-owner";

    public bool CanSee(string? jobOwner) => IsAdmin || (Owner is not null && string.Equals(Owner, jobOwner, StringComparison.Ordinal));
}
