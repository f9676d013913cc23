namespace Dating.Photos.Uploads;

/// <summary>The upload went past <see cref="Library.PhotoLimits.MaxUploadBytes"/>: the client's fault, answered 413.</summary>
internal sealed class PhotoTooLargeException(long limit) : IOException($"The photo is larger than {limit} bytes.");
