using Dating.Matching.Candidates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dating.Matching.Data;

internal sealed class PrimaryPhotoConfiguration : IEntityTypeConfiguration<PrimaryPhoto>
{
    public void Configure(EntityTypeBuilder<PrimaryPhoto> photo)
    {
        photo.ToTable("primary_photos");
        photo.HasKey(p => p.UserId);
        photo.Property(p => p.UserId).ValueGeneratedNever();
    }
}
