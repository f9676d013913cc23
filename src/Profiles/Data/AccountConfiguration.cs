using Dating.Profiles.Accounts;
using Dating.Profiles.ProfileManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dating.Profiles.Data;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> account)
    {
        account.ToTable("accounts");
        account.HasKey(a => a.Id);
        account.Property(a => a.Id).ValueGeneratedNever();
        account.Property(a => a.Email).HasMaxLength(EmailAddress.MaxLength);
        account.HasIndex(a => a.Email).IsUnique();
        account.Property(a => a.PasswordHash).HasMaxLength(512);
        account.HasOne(a => a.Profile)
            .WithOne()
            .HasForeignKey<Profile>(p => p.UserId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
