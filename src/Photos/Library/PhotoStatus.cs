namespace Dating.Photos.Library;

/// <summary>A photo goes <c>processing</c> → <c>ready</c>, or <c>failed</c> when its image cannot be used.</summary>
public enum PhotoStatus
{
    Processing,
    Ready,
    Failed,
}
