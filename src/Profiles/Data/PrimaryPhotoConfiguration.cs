using Dating.Profiles.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dating.Profiles.Data;

internal sealed class PrimaryPhotoConfiguration : IEntityTypeConfiguration<PrimaryPhoto>
{
    public void Configure(EntityTypeBuilder<PrimaryPhoto> primary)
    {
        primary.ToTable("primary_photos");
        primary.HasKey(p => p.UserId);
        primary.Property(p => p.UserId).ValueGeneratedNever();
    }
}
