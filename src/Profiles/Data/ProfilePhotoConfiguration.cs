using Dating.Profiles.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dating.Profiles.Data;

internal sealed class ProfilePhotoConfiguration : IEntityTypeConfiguration<ProfilePhoto>
{
    public void Configure(EntityTypeBuilder<ProfilePhoto> photo)
    {
        photo.ToTable("profile_photos");
        photo.HasKey(p => p.PhotoId);
        photo.Property(p => p.PhotoId).ValueGeneratedNever();
        photo.HasIndex(p => p.UserId);
    }
}
