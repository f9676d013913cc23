using Dating.Photos.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dating.Photos.Data;

internal sealed class PhotoConfiguration : IEntityTypeConfiguration<Photo>
{
    public void Configure(EntityTypeBuilder<Photo> photo)
    {
        photo.ToTable("photos");
        photo.HasKey(p => p.Id);
        photo.Property(p => p.Id).ValueGeneratedNever();
        photo.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        photo.Property(p => p.OriginalContentType).HasMaxLength(32);
        photo.Property(p => p.FailureReason).HasMaxLength(256);
        photo.HasIndex(p => new { p.UserId, p.Position });
    }
}
