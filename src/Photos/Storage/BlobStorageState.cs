namespace Dating.Photos.Storage;

/// <summary>Whether this process has created (or found) its blob containers.</summary>
internal sealed class BlobStorageState
{
    private volatile bool _ready;

    public bool Ready => _ready;

    public void MarkReady() => _ready = true;
}
