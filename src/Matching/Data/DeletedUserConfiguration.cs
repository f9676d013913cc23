using Dating.Matching.Candidates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dating.Matching.Data;

internal sealed class DeletedUserConfiguration : IEntityTypeConfiguration<DeletedUser>
{
    public void Configure(EntityTypeBuilder<DeletedUser> deleted)
    {
        deleted.ToTable("deleted_users");
        deleted.HasKey(d => d.UserId);
        deleted.Property(d => d.UserId).ValueGeneratedNever();
    }
}
