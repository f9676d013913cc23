using Dating.Testing;

namespace Dating.Photos.Tests.Infrastructure;

/// <summary>
/// The real Photos host (its Program.cs), in process on real Kestrel at 127.0.0.1 (so body limits behave as
/// in production), wired to the given backing services.
/// </summary>
public sealed class PhotosHost(IDictionary<string, string?> configuration)
    : ServiceHost<Program, PhotosHost>(configuration, "photos");
