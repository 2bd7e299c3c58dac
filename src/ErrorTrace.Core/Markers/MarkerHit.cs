namespace ErrorTrace.Core.Markers;

/// <summary>A marker's verdict on a line. <see cref="Signal"/> is set for deaths (<c>SIGKILL</c>). <see cref="Start"/> is
/// where the report begins in the trimmed line when another writer's text (a progress bar) was glued before it.</summary>
internal readonly record struct MarkerHit(LineMarker Marker, MarkerKind Kind, string? Signal = null, int Start = 0);
