namespace Dating.Photos.Gallery;

/// <summary>Every one of the caller's photo ids, each once, in the new order; the first becomes the primary photo.</summary>
public sealed record ReorderRequest(IReadOnlyList<Guid>? PhotoIds);
