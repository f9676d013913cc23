using Dating.Profiles.ProfileManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dating.Profiles.Data;

internal sealed class ProfileConfiguration : IEntityTypeConfiguration<Profile>
{
    public void Configure(EntityTypeBuilder<Profile> profile)
    {
        profile.ToTable("profiles");
        profile.HasKey(p => p.UserId);
        profile.Property(p => p.UserId).ValueGeneratedNever();
        profile.Property(p => p.DisplayName).HasMaxLength(ProfileRules.DisplayNameMaxLength);
        profile.Property(p => p.Bio).HasMaxLength(ProfileRules.BioMaxLength);
        profile.Property(p => p.Gender).HasConversion<string>().HasMaxLength(16);
        profile.PrimitiveCollection(p => p.InterestedIn).ElementType(gender => gender.HasConversion<string>());
        profile.PrimitiveCollection(p => p.Interests);
    }
}
