namespace ErrorTrace.Core.Markers;

/// <summary>A marker's verdict on a line. <see cref="Signal"/> is set for deaths (<c>SIGKILL</c>).</summary>
internal readonly record struct MarkerHit(LineMarker Marker, MarkerKind Kind, string? Signal = null);
