namespace Dating.Photos.Uploads;

/// <summary>
/// The upload as the blob store reads it: the already-sniffed leading bytes, then the rest of the multipart
/// section, counted as it streams through; one byte past the limit aborts the upload. A failure of the
/// client's side (too large, a broken or truncated body) is kept in <see cref="ClientFault"/>, so the caller
/// can tell it from a failure of the blob store, whatever the blob client wraps it in.
/// </summary>
internal sealed class LimitedUploadStream(ReadOnlyMemory<byte> head, Stream rest, long maxBytes) : Stream
{
    private int _headOffset;

    public long BytesRead { get; private set; }

    public Exception? ClientFault { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        if (_headOffset < head.Length)
        {
            read = Math.Min(buffer.Length, head.Length - _headOffset);
            head.Slice(_headOffset, read).CopyTo(buffer);
            _headOffset += read;
        }
        else
        {
            try
            {
                read = await rest.ReadAsync(buffer, cancellationToken);
            }
            catch (Exception exception) when (exception is IOException or InvalidDataException)
            {
                ClientFault = exception;
                throw;
            }
        }

        BytesRead += read;
        if (BytesRead > maxBytes)
        {
            ClientFault = new PhotoTooLargeException(maxBytes);
            throw ClientFault;
        }

        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Kestrel forbids synchronous body reads; the blob client reads asynchronously.
    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("The upload is read asynchronously only.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
